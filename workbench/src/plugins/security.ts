/** Security headers for every answer, and rate limiting that routes switch on one by one. */
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

export const securityPlugin = fp(
  async (app) => {
    await app.register(fastifyHelmet, {
      // The feed and the intake are read by extensions on other origins (CORS decides who).
      crossOriginResourcePolicy: false,
      // not no-referrer: with it Chromium sends `Origin: null` on form posts, and the CSRF check
      // (plugins/sign-in.ts) wants the real origin of a same-origin post.
      referrerPolicy: { policy: 'same-origin' },
      contentSecurityPolicy: { directives: { 'form-action': ["'self'"], 'script-src': ["'none'"], 'upgrade-insecure-requests': null } },
    });
    await app.register(fastifyRateLimit, { global: false });
  },
  { name: 'workbench-security' },
);
