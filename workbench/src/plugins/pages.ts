/**
 * The maintainers' pages: form bodies, the one file upload, `reply.page(html)` and
 * `request.pageContext()` for every page route, and error and not-found answers as pages.
 */
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { messagePage, type PageContext } from '../ui/layout';
import { languageFromHeader, translator } from '../ui/messages';
import { loginPage } from '../ui/pages/login';

declare module 'fastify' {
  interface FastifyRequest {
    pageContext(): PageContext;
  }
  interface FastifyReply {
    page(body: string, status?: number): FastifyReply;
  }
}

function pageContext(this: FastifyRequest): PageContext {
  return {
    tr: translator(languageFromHeader(this.headers['accept-language'])),
    signedIn: this.signedIn,
    path: this.url.split('?')[0]!,
  };
}

function page(this: FastifyReply, body: string, status = 200): FastifyReply {
  return this.status(status)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .header('Cross-Origin-Resource-Policy', 'same-origin')
    .send(body);
}

export const pagesPlugin = fp(
  async (app) => {
    await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    await app.register(fastifyMultipart, { limits: { fileSize: 1024 * 1024, files: 1, fields: 5 } });
    app.decorateRequest('pageContext', pageContext);
    app.decorateReply('page', page);

    app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const ctx = request.pageContext();
      if (error.statusCode === 429) return reply.page(loginPage(ctx, { error: ctx.tr.t('loginRateLimited') }), 429);
      if (error.statusCode && error.statusCode < 500) return reply.page(messagePage(ctx, String(error.statusCode), error.message), error.statusCode);
      request.log.error(error);
      return reply.page(messagePage(ctx, '500', 'internal error'), 500);
    });
    app.setNotFoundHandler((request, reply) => {
      const ctx = request.pageContext();
      return reply.page(messagePage(ctx, '404', ctx.tr.t('notFound')), 404);
    });
  },
  { name: 'workbench-pages', dependencies: ['workbench-sign-in'] },
);
