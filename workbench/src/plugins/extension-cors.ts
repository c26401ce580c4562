/**
 * CORS for the extension's public API (/api): the report intake and a report's status. Browsers
 * send the extension's origin (`chrome-extension://<id>`, `moz-extension://<per-install uuid>`);
 * web pages' origins are not admitted. A request without an Origin (a server, curl) is not a
 * browser's and CORS does not apply. One registration for the whole /api prefix: @fastify/cors
 * answers preflights through one `OPTIONS /api/*` route, and a second would shadow the first.
 */
import fastifyCors from '@fastify/cors';
import fp from 'fastify-plugin';

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9._-]+$/;

export const extensionCorsPlugin = fp(
  async (app) => {
    await app.register(fastifyCors, {
      origin: (origin, callback) => callback(null, origin === undefined || EXTENSION_ORIGIN.test(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
      maxAge: 600,
    });
  },
  { name: 'workbench-extension-cors' },
);
