/**
 * Signing in: an HttpOnly, SameSite=Strict cookie holds a random token; the database keeps only
 * its SHA-256 (store/sign-ins.ts). `request.signedIn` says who it is. `requireSignIn` guards the
 * pages behind it: a GET without a sign-in goes to /login, a POST needs the sign-in's CSRF token
 * and a same-origin Origin.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { text } from '../forms/fields';
import * as store from '../store';
import { messagePage } from '../ui/layout';

const SIGN_IN_COOKIE = 'wb_signin';
const SIGN_IN_HOURS = 12;

declare module 'fastify' {
  interface FastifyRequest {
    signedIn?: store.SignedIn;
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const signInPlugin = fp(
  async (app) => {
    await app.register(fastifyCookie);
    app.decorateRequest('signedIn', undefined);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SIGN_IN_COOKIE];
      if (token) request.signedIn = await store.findSignIn(app.db, sha256(token));
    });
  },
  { name: 'workbench-sign-in', dependencies: ['workbench-database'] },
);

/** A new sign-in for the maintainer: stored, and its cookie set on the reply. */
export async function startSignIn(request: FastifyRequest, reply: FastifyReply, maintainerId: number): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await store.createSignIn(request.server.db, sha256(token), maintainerId, randomBytes(24).toString('base64url'), SIGN_IN_HOURS);
  const secure = request.server.config.publicUrl().startsWith('https:');
  reply.setCookie(SIGN_IN_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SIGN_IN_HOURS * 3600 });
}

export async function endSignIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SIGN_IN_COOKIE];
  if (token) await store.endSignIn(request.server.db, sha256(token));
  reply.clearCookie(SIGN_IN_COOKIE, { path: '/' });
}

// The token rides in the form (or, for the file upload, in the query).
const carriesCsrf = z.looseObject({ _csrf: text });
const csrfIn = (value: unknown) => carriesCsrf.safeParse(value).data?._csrf ?? '';

/** preValidation hook (the body is parsed, not yet validated) for every page behind the sign-in. */
export async function requireSignIn(request: FastifyRequest, reply: FastifyReply) {
  const signedIn = request.signedIn;
  if (!signedIn) {
    if (request.method === 'GET') return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    return reply.status(401).type('text/plain').send('sign in first');
  }
  if (request.method !== 'POST') return;
  const sent = csrfIn(request.body) || csrfIn(request.query);
  const expected = signedIn.csrfToken;
  const good = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  const origin = request.headers.origin;
  const sameOrigin = !origin || origin === new URL(request.server.config.publicUrl()).origin || origin === `${request.protocol}://${request.host}`;
  if (!good || !sameOrigin) {
    const ctx = request.pageContext();
    return reply.page(messagePage(ctx, '403', ctx.tr.t('badRequest')), 403);
  }
}
