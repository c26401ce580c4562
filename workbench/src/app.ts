/**
 * The workbench's Fastify app: plugins first (config, database, security headers and rate
 * limits), then the routes by area. Public: /healthz, the report intake (/api), a report's status
 * for the nurse who sent it (/api/reports/:id/status, by the report's own token), the signed
 * feed (/feed) and the published catalogue as an HSDS 3.0 API (/hsds). Everything else is a
 * maintainers' page behind a sign-in, every state-changing
 * form carrying the sign-in's CSRF token. Requests and answers are checked by zod schemas
 * (fastify-type-provider-zod).
 */
import type { SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './db/db';
import { configPlugin, type RateLimit } from './plugins/config';
import { databasePlugin } from './plugins/database';
import { extensionCorsPlugin } from './plugins/extension-cors';
import { pagesPlugin } from './plugins/pages';
import { securityPlugin } from './plugins/security';
import { requireSignIn, signInPlugin } from './plugins/sign-in';
import { feedRoutes } from './routes/feed';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { hsdsRoutes } from './routes/hsds';
import { inboxRoutes } from './routes/inbox';
import { infoSessionRoutes } from './routes/info-sessions';
import { intakeRoutes } from './routes/intake';
import { missingServiceRoutes } from './routes/missing-services';
import { overviewRoutes } from './routes/overview';
import { publishingRoutes } from './routes/publishing';
import { recordRoutes } from './routes/records';
import { reportStatusRoutes } from './routes/report-status';
import { signInRoutes } from './routes/sign-in';

export interface AppOptions {
  db: Db;
  key: SigningKeyPair;
  /**
   * Where browsers reach this server, e.g. https://opas.example.fi (cookies are Secure on
   * https). A function when it is known only after listen() picked a port.
   */
  publicUrl: string | (() => string);
  /**
   * Behind reverse proxies (HTTPS terminated there): how many hops, or their addresses (config.ts).
   * The client address (rate limits) is then the one the last proxy saw, never what a client wrote.
   */
  trustProxy?: false | number | string[];
  /** Who the feed says confirmed a fact (an organisation or a role); default: the catalogue's maintainer name. */
  verifiedBy?: string;
  intakeRateLimit?: RateLimit;
  loginRateLimit?: RateLimit;
  statusRateLimit?: RateLimit;
  now?: () => Date;
  logger?: boolean;
  /** About this many bytes per part of the feed in parts (routes/feed-parts.ts); tests use small parts. */
  feedPartBytes?: number;
}

/**
 * Fastify (5.12) reads a bare hop count as "trust nothing" (it cannot check the peer), which would
 * put every nurse behind the proxy under one rate limit. A hop count here believes exactly the N
 * entries the proxies appended (the rightmost ones); so the workbench must be reachable only
 * through them (compose.yaml publishes it on the host's 127.0.0.1 for the proxy there).
 */
function trustedHops(trust: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, logger, trustProxy, feedPartBytes, ...config } = options;
  // forceCloseConnections: a browser's keep-alive connection must not keep Ctrl+C (SIGTERM) from
  // stopping the server; requests in flight still finish.
  const app = Fastify({ logger: logger ?? false, trustProxy: trustedHops(trustProxy ?? false), forceCloseConnections: 'idle' });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(configPlugin, config);
  await app.register(databasePlugin, { db });
  await app.register(securityPlugin);

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      await api.register(extensionCorsPlugin);
      await api.register(intakeRoutes);
      await api.register(reportStatusRoutes);
    },
    { prefix: '/api' },
  );
  await app.register(feedRoutes, { prefix: '/feed', partBytes: feedPartBytes });
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
      await signedIn.register(importRoutes);
      await signedIn.register(missingServiceRoutes);
    });
  });
  return app;
}
