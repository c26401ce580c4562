/**
 * The workbench's Fastify app: plugins first (config, database, security headers and rate
 * limits), then the routes by area. Public: /healthz, the report intake (/api), the signed
 * feed (/feed) and the published catalogue as an HSDS 3.0 API (/hsds). Everything else is a maintainers' page behind a sign-in, every state-changing
 * form carrying the sign-in's CSRF token. Requests and answers are checked by zod schemas
 * (fastify-type-provider-zod).
 */
import type { SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './db/db';
import { configPlugin, type RateLimit } from './plugins/config';
import { databasePlugin } from './plugins/database';
import { pagesPlugin } from './plugins/pages';
import { securityPlugin } from './plugins/security';
import { requireSignIn, signInPlugin } from './plugins/sign-in';
import { feedRoutes } from './routes/feed';
import { healthRoutes } from './routes/health';
import { hsdsRoutes } from './routes/hsds';
import { inboxRoutes } from './routes/inbox';
import { infoSessionRoutes } from './routes/info-sessions';
import { intakeRoutes } from './routes/intake';
import { overviewRoutes } from './routes/overview';
import { publishingRoutes } from './routes/publishing';
import { recordRoutes } from './routes/records';
import { signInRoutes } from './routes/sign-in';

export interface AppOptions {
  db: Db;
  key: SigningKeyPair;
  /**
   * Where browsers reach this server, e.g. https://opas.example.fi (cookies are Secure on
   * https). A function when it is known only after listen() picked a port.
   */
  publicUrl: string | (() => string);
  /** Behind a reverse proxy (HTTPS terminated there): trust its X-Forwarded-* headers. */
  trustProxy?: boolean;
  intakeRateLimit?: RateLimit;
  loginRateLimit?: RateLimit;
  now?: () => Date;
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, logger, trustProxy, ...config } = options;
  // forceCloseConnections: a browser's keep-alive connection must not keep Ctrl+C (SIGTERM) from
  // stopping the server; requests in flight still finish.
  const app = Fastify({ logger: logger ?? false, trustProxy: trustProxy ?? false, forceCloseConnections: 'idle' });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(configPlugin, config);
  await app.register(databasePlugin, { db });
  await app.register(securityPlugin);

  await app.register(healthRoutes);
  await app.register(intakeRoutes, { prefix: '/api' });
  await app.register(feedRoutes, { prefix: '/feed' });
  await app.register(hsdsRoutes, { prefix: '/hsds' });
  await app.register(async (pages) => {
    await pages.register(signInPlugin);
    await pages.register(pagesPlugin);
    await pages.register(signInRoutes);
    await pages.register(async (signedIn) => {
      signedIn.addHook('preValidation', requireSignIn);
      await signedIn.register(inboxRoutes);
      await signedIn.register(recordRoutes);
      await signedIn.register(overviewRoutes);
      await signedIn.register(publishingRoutes);
      await signedIn.register(infoSessionRoutes);
    });
  });
  return app;
}
