/**
 * Public: the signed feed the extension syncs from, served byte for byte as published, with
 * ETags so that an unchanged catalogue costs a 304. Any origin may read it (it is public).
 */
import fastifyCors from '@fastify/cors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as store from '../store';

export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyCors, { origin: '*', methods: ['GET', 'HEAD'], allowedHeaders: ['If-None-Match'], exposedHeaders: ['ETag'], maxAge: 600 });
  const schema = { response: { 404: z.object({ error: z.string() }) } };

  const serve = (part: 'catalogue' | 'signature') => async (request: FastifyRequest, reply: FastifyReply) => {
    const current = await store.latestFeed(app.db);
    if (!current) return reply.status(404).send({ error: 'nothing published yet' });
    const etag = part === 'catalogue' ? current.etag : `${current.etag.slice(0, -1)}-sig"`;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache').header('X-Content-Type-Options', 'nosniff');
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(part === 'catalogue' ? current.catalogue : `${current.signature}\n`);
  };
  app.get('/catalogue.json', { schema }, serve('catalogue'));
  app.get('/catalogue.json.sig', { schema }, serve('signature'));
};
