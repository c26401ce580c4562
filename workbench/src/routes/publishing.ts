/** Publishing the catalogue (signed, revision + 1) and republishing an old revision as a new one (rollback). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../forms/fields';
import { publish, PublishError, republish } from '../publishing';
import * as store from '../store';
import { publishPage } from '../ui/pages/publish';

async function renderPublish(request: FastifyRequest, reply: FastifyReply, extra: { flash?: string; problems?: string[] } = {}, status = 200) {
  const { db, config } = request.server;
  const publicUrl = config.publicUrl();
  const page = publishPage(request.pageContext(), {
    revisions: await store.listFeeds(db),
    feedUrl: `${publicUrl}/feed/catalogue.json`,
    reportUrl: `${publicUrl}/api/reports`,
    publicKey: config.key.publicKey,
    ...extra,
  });
  return reply.page(page, status);
}

/** Runs a publish and shows its outcome: the new revision, or why the catalogue is not valid. */
export async function publishAndShow(request: FastifyRequest, reply: FastifyReply, run: () => Promise<{ revision: number; services: number }>) {
  try {
    const result = await run();
    return reply.redirect(`/publish?published=${result.revision}&services=${result.services}`, 303);
  } catch (error) {
    if (error instanceof PublishError) return renderPublish(request, reply, { problems: error.problems }, 422);
    throw error;
  }
}

export const publishingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get('/publish', { schema: { querystring: z.looseObject({ published: text, services: text }) } }, async (request, reply) => {
    const { published, services } = request.query;
    return renderPublish(request, reply, published ? { flash: request.pageContext().tr.t('published', published, services) } : {});
  });

  app.post('/publish', (request, reply) => publishAndShow(request, reply, () => publish(db, { key: config.key, actor: request.signedIn!.email })));

  app.post('/publish/:revision/republish', { schema: { params: z.object({ revision: z.coerce.number().int().positive() }) } }, (request, reply) =>
    publishAndShow(request, reply, () => republish(db, request.params.revision, { key: config.key, actor: request.signedIn!.email, verifiedBy: config.verifiedBy })),
  );
};
