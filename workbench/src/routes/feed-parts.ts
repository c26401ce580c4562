/**
 * Public: the latest revision in parts (issue 22, workbench/src/publish-parts.ts). The manifest
 * and its signature change with each revision (ETag per revision, revalidated like the feed);
 * a part is named by its SHA-256 and never changes, so browsers and proxies keep it for a year.
 * Only the latest revision's parts are served: a browser mid-sync when a new revision lands gets
 * a 404, reads the new manifest and starts over.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishParts, type PublishedParts } from '../publish-parts';
import * as store from '../store';
import { matchesIfNoneMatch } from './feed';

export interface FeedPartsOptions {
  /** About this many bytes per part (tests use small parts; default utils/sync/parts.ts). */
  partBytes?: number;
}

export const feedPartsRoutes: FastifyPluginAsyncZod<FeedPartsOptions> = async (app, options) => {
  let cached: Promise<PublishedParts> | undefined;
  let cachedRevision: number | undefined;

  async function latestParts(): Promise<PublishedParts | undefined> {
    const current = await store.latestFeedTag(app.db);
    if (!current) return undefined;
    if (cachedRevision !== current.revision || !cached) {
      cachedRevision = current.revision;
      cached = store.feedCatalogue(app.db, current.revision).then((text) => publishParts(current.revision, text, app.config.key, options.partBytes));
      // A failure is not kept: the next request tries again.
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  }

  const send = (request: FastifyRequest, reply: FastifyReply, etag: string, cacheControl: string, body: Buffer | string) => {
    reply.header('ETag', etag).header('Cache-Control', cacheControl).header('X-Content-Type-Options', 'nosniff');
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  };
  const schema = { response: { 404: z.object({ error: z.string() }) }, params: z.object({ name: z.string().max(80) }) };

  app.get('/parts/:name', { schema }, async (request, reply) => {
    const { name } = request.params;
    const parts = await latestParts();
    if (!parts) return reply.status(404).send({ error: 'nothing published yet' });
    const tag = `r${parts.revision}-${parts.manifest.sha256.slice(0, 16)}`;
    if (name === 'index.json') return send(request, reply, `"${tag}-parts"`, 'no-cache', parts.manifestBytes);
    if (name === 'index.json.sig') return send(request, reply, `"${tag}-parts-sig"`, 'no-cache', `${parts.signature}\n`);
    const hash = /^([0-9a-f]{64})\.json$/.exec(name)?.[1];
    const part = hash ? parts.parts.get(hash) : undefined;
    if (!hash || !part) return reply.status(404).send({ error: 'no such part in the latest revision' });
    return send(request, reply, `"${hash}"`, 'public, max-age=31536000, immutable', part);
  });
};
