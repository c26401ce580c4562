/**
 * Public: the signed feed the extension syncs from, served byte for byte as published, with
 * ETags so that an unchanged catalogue costs a 304. Any origin may read it (it is public).
 *
 * Every request asks the database only which revision is the latest and its ETag (both stored at
 * publish); a 304 loads nothing more, the .sig only the signature, and the catalogue's bytes are
 * read once per revision and kept (audit L7).
 */
import fastifyCors from '@fastify/cors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as store from '../store';
import { feedPartsRoutes, type FeedPartsOptions } from './feed-parts';

/**
 * If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/"x"` matches `"x"`. Proxies and
 * CDNs weaken a strong ETag when they compress, and a browser sends back what it was given.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

export const feedRoutes: FastifyPluginAsyncZod<FeedPartsOptions> = async (app, options) => {
  await app.register(fastifyCors, { origin: '*', methods: ['GET', 'HEAD'], allowedHeaders: ['If-None-Match'], exposedHeaders: ['ETag'], maxAge: 600 });
  const schema = { response: { 404: z.object({ error: z.string() }) } };
  let cached: { revision: number; bytes: Buffer } | undefined;

  const serve = (part: 'catalogue' | 'signature') => async (request: FastifyRequest, reply: FastifyReply) => {
    const current = await store.latestFeedTag(app.db);
    if (!current) return reply.status(404).send({ error: 'nothing published yet' });
    const etag = part === 'catalogue' ? current.etag : `${current.etag.slice(0, -1)}-sig"`;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache').header('X-Content-Type-Options', 'nosniff');
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
    reply.type('application/json; charset=utf-8');
    if (part === 'signature') return reply.send(`${await store.feedSignature(app.db, current.revision)}\n`);
    if (cached?.revision !== current.revision) cached = { revision: current.revision, bytes: Buffer.from(await store.feedCatalogue(app.db, current.revision), 'utf8') };
    return reply.send(cached.bytes);
  };
  app.get('/catalogue.json', { schema }, serve('catalogue'));
  app.get('/catalogue.json.sig', { schema }, serve('signature'));

  // Deltas (issue 22): the latest revision's signed index, and each signed delta by its pair.
  // A published delta never changes, so its ETag is its pair; the index's is the revision's.
  const sendSigned = (request: FastifyRequest, reply: FastifyReply, etag: string, text: string) => {
    reply.header('ETag', etag).header('Cache-Control', 'no-cache').header('X-Content-Type-Options', 'nosniff');
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(text);
  };
  app.get('/deltas/:name', { schema: { ...schema, params: z.object({ name: z.string().max(64) }) } }, async (request, reply) => {
    const { name } = request.params;
    const signature = name.endsWith('.sig');
    const file = signature ? name.slice(0, -'.sig'.length) : name;
    const current = await store.latestFeedTag(app.db);
    if (file === 'index.json') {
      const index = current ? await store.feedDeltaIndex(app.db, current.revision) : undefined;
      if (!current || !index) return reply.status(404).send({ error: 'no delta index for the latest revision' });
      return sendSigned(request, reply, `"r${current.revision}-index${signature ? '-sig' : ''}"`, signature ? `${index.signature}\n` : index.body);
    }
    const pair = /^(\d{1,9})-(\d{1,9})\.json$/.exec(file);
    const delta = pair ? await store.feedDelta(app.db, Number(pair[1]), Number(pair[2])) : undefined;
    if (!pair || !delta) return reply.status(404).send({ error: 'no such delta' });
    return sendSigned(request, reply, `"d${pair[1]}-${pair[2]}${signature ? '-sig' : ''}"`, signature ? `${delta.signature}\n` : delta.body);
  });
  // The same revision in parts (issue 22): signed manifest + content-addressed parts.
  await app.register(feedPartsRoutes, { partBytes: options.partBytes });
};
