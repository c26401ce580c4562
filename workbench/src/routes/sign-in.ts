/** Signing in and out. Wrong passwords are rate-limited per client; the answer never says which part was wrong. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../forms/fields';
import { safeReturn } from '../forms/safe-return';
import { verifyPassword } from '../passwords';
import { endSignIn, requireSignIn, startSignIn } from '../plugins/sign-in';
import * as store from '../store';
import { loginPage } from '../ui/pages/login';

export const signInRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/login', { schema: { querystring: z.looseObject({ next: text }) } }, async (request, reply) =>
    reply.page(loginPage(request.pageContext(), { next: safeReturn(request.query.next, '/') })),
  );

  app.post(
    '/login',
    {
      config: { rateLimit: app.config.loginRateLimit },
      schema: { body: z.looseObject({ email: text, password: text, next: text }).optional().transform((body) => body ?? { email: '', password: '', next: '' }) },
    },
    async (request, reply) => {
      const email = request.body.email.trim();
      const maintainer = email ? await store.findMaintainer(app.db, email) : undefined;
      if (!(await verifyPassword(maintainer?.passwordHash, request.body.password)) || !maintainer) {
        const ctx = request.pageContext();
        return reply.page(loginPage(ctx, { error: ctx.tr.t('loginFailed'), next: request.body.next, email }), 401);
      }
      await startSignIn(request, reply, maintainer.id);
      return reply.redirect(safeReturn(request.body.next, '/'), 303);
    },
  );

  app.post('/logout', { preValidation: requireSignIn }, async (request, reply) => {
    await endSignIn(request, reply);
    return reply.redirect('/login', 303);
  });
};
