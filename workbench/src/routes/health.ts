/** Public: the health check a container engine or load balancer asks, and the pages' stylesheet. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stylesheet } from '../assets';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Read once at start: nothing is read from disk while serving.
  const css = stylesheet();
  app.get('/healthz', { schema: { response: { 200: z.object({ ok: z.literal(true) }) } } }, async () => {
    await app.db.query('SELECT 1');
    return { ok: true as const };
  });
  app.get('/static/workbench.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'max-age=300').send(css));
};
