/**
 * The nurse hears back, the workbench's half (issue 19, item 5): the intake hands out a status
 * token per report, only its hash is stored, and `GET /api/reports/:id/status` with that token
 * answers that one report's state and the maintainer's reply; anything else is the same 404.
 * The maintainer's reply is checked (length, henkilötunnus) and audit-logged. On PGlite, through
 * Fastify's inject.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { SigningKeyPair } from '@/utils/sync/signature';
import { REPLY_MAX, reportAnswerSchema, STATUS_TOKEN_MIN_CHARS } from '@/utils/reports/answer';
import { buildApp } from '@/workbench/src/app';
import type { Db } from '@/workbench/src/db/db';
import { statusTokenMatches } from '@/workbench/src/status-tokens';
import * as store from '@/workbench/src/store';
import { EMAIL, ORIGIN, postReport, PUBLIC_URL, reportBuilder, seededDb, signIn as signInAs } from '../workbench/harness';

// The real comparison, watched: every token check must go through it (constant time).
const timingSafeEqual = vi.hoisted(() => ({ calls: [] as Array<[number, number]> }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const watched = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    timingSafeEqual.calls.push([a.byteLength, b.byteLength]);
    return crypto.timingSafeEqual(a, b);
  };
  return { ...crypto, default: { ...crypto, timingSafeEqual: watched }, timingSafeEqual: watched };
});

const report = reportBuilder('7a2d1a52-3b0e-4b6c-9a55-');

let db: Db;
let app: FastifyInstance;
let key: SigningKeyPair;

const post = (body: Record<string, unknown>) => postReport(app, body);

/** Sends a report; returns its id and the token the intake gave. */
async function sent(overrides: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const body = report(overrides);
  const response = await post(body);
  expect(response.statusCode).toBe(201);
  const { id, statusToken } = response.json() as { id: string; statusToken: string };
  return { id, token: statusToken };
}

const status = (id: string, token?: string, headers: Record<string, string> = {}) =>
  app.inject({ url: `/api/reports/${id}/status`, headers: { origin: ORIGIN, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers } });

const signIn = () => signInAs(app);

beforeAll(async () => {
  ({ db, key } = await seededDb({ published: false }));
  app = await buildApp({ db, key, publicUrl: PUBLIC_URL, intakeRateLimit: { max: 1000, timeWindow: 60_000 }, statusRateLimit: { max: 1000, timeWindow: 60_000 } });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('status tokens', () => {
  it('the intake gives each report its own unguessable token; only its SHA-256 is stored', async () => {
    const a = await sent();
    const b = await sent();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes = 256 bits
    expect(a.token.length).toBeGreaterThanOrEqual(STATUS_TOKEN_MIN_CHARS);
    expect(a.token).not.toBe(b.token);
    const [row] = await db.query<{ status_token_hash: string; body: unknown }>('SELECT status_token_hash, body FROM reports WHERE id = $1::uuid', [a.id]);
    expect(row!.status_token_hash).toBe(createHash('sha256').update(a.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(a.token);
  });

  it('right token → the state and the reply; after closing with a reply → fixed, the reply, when', async () => {
    const { id, token } = await sent();
    const open = await status(id, token);
    expect(open.statusCode).toBe(200);
    expect(open.headers['cache-control']).toBe('no-store');
    expect(open.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(open.json()).toEqual({ id, state: 'received', reply: null, closedAt: null });

    await store.closeReport(db, id, 'fixed', 'Numero päivitetty, kiitos!', EMAIL);
    const closed = await status(id, token);
    expect(reportAnswerSchema.parse(closed.json())).toMatchObject({ id, state: 'fixed', reply: 'Numero päivitetty, kiitos!' });
    expect(closed.json().closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Only the state and the reply: not the report, not who closed it.
    expect(Object.keys(closed.json()).sort()).toEqual(['closedAt', 'id', 'reply', 'state']);
    expect(closed.body).not.toContain(EMAIL);
    expect(closed.body).not.toContain('Vanha numero');
  });

  it('closed without a change reads as not-a-problem', async () => {
    const { id, token } = await sent();
    await store.closeReport(db, id, 'not-a-problem', '', EMAIL);
    expect((await status(id, token)).json()).toMatchObject({ state: 'not-a-problem', reply: null });
  });

  it('wrong token, another report\'s token, no token, unknown or malformed id: the same 404, nothing about any report', async () => {
    const mine = await sent();
    const other = await sent();
    await store.closeReport(db, other.id, 'fixed', 'Toisen ilmoituksen vastaus', EMAIL);
    const wrong = await status(mine.id, `${mine.token.slice(0, -1)}${mine.token.endsWith('A') ? 'B' : 'A'}`);
    const others = await status(mine.id, other.token);
    const none = await status(mine.id);
    const notBearer = await status(mine.id, undefined, { authorization: mine.token });
    const unknown = await status('00000000-0000-4000-8000-000000000000', mine.token);
    const malformed = await status('not-a-uuid', mine.token);
    const reversed = await status(other.id, mine.token);
    for (const response of [wrong, others, none, notBearer, unknown, malformed, reversed]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(wrong.body);
      expect(response.body).not.toContain('vastaus');
    }
    // No listing.
    expect((await app.inject({ url: '/api/reports', headers: { authorization: `Bearer ${mine.token}` } })).statusCode).toBe(404);
  });

  it('tokens are compared in constant time: equal-length digests through timingSafeEqual, also for an unknown report', async () => {
    const { id, token } = await sent();
    timingSafeEqual.calls.length = 0;
    await status(id, 'x'.repeat(43));
    await status('00000000-0000-4000-8000-000000000001', token);
    await status(id, token);
    expect(timingSafeEqual.calls).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
    expect(statusTokenMatches(token, createHash('sha256').update(token).digest('hex'))).toBe(true);
    expect(statusTokenMatches(token, null)).toBe(false);
    expect(statusTokenMatches('no report has this token', null)).toBe(false);
    expect(statusTokenMatches(token, 'not a hash')).toBe(false);
  });

  it('a report from before tokens (no hash) is never readable', async () => {
    const { id } = await sent();
    await db.query('UPDATE reports SET status_token_hash = NULL WHERE id = $1::uuid', [id]);
    expect((await status(id, '')).statusCode).toBe(404);
    expect((await status(id, 'no report has this token')).statusCode).toBe(404);
  });

  it('a resend of the same report (lost reply) gets a new token and the old one stops working; another body with the same id gets none', async () => {
    const body = report();
    const first = (await post(body)).json() as { statusToken: string };
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    const second = again.json() as { id: string; statusToken: string };
    expect(second.statusToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await status(body.id, first.statusToken)).statusCode).toBe(404);
    expect((await status(body.id, second.statusToken)).statusCode).toBe(200);

    const forged = await post({ ...body, comment: 'Toinen teksti samalla tunnisteella.' });
    expect(forged.statusCode).toBe(200);
    expect(forged.json()).toEqual({ id: body.id });
    expect((await status(body.id, second.statusToken)).statusCode).toBe(200);
  });

  it('CORS: an extension origin may ask with the Authorization header, a web page may not', async () => {
    const { id } = await sent();
    const preflight = (origin: string) =>
      app.inject({ method: 'OPTIONS', url: `/api/reports/${id}/status`, headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const allowed = await preflight('moz-extension://3f1c0a9e-3b7d-4e2a-9c41-0d8e5f7a2b13');
    expect(allowed.statusCode).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe('moz-extension://3f1c0a9e-3b7d-4e2a-9c41-0d8e5f7a2b13');
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/Authorization/i);
    const refused = await preflight('https://evil.example');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    // The intake's own preflight still works beside it.
    const intake = await app.inject({ method: 'OPTIONS', url: '/api/reports', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' } });
    expect(intake.statusCode).toBeLessThan(300);
    expect(String(intake.headers['access-control-allow-headers'])).toMatch(/Idempotency-Key/i);
  });

  it('is rate-limited per client', async () => {
    const limited = await buildApp({ db, key, publicUrl: 'http://127.0.0.1:1', statusRateLimit: { max: 2, timeWindow: 60_000 } });
    try {
      const ask = (remoteAddress: string) => limited.inject({ url: '/api/reports/00000000-0000-4000-8000-000000000000/status', remoteAddress, headers: { authorization: 'Bearer abc' } });
      expect([await ask('10.0.0.1'), await ask('10.0.0.1'), await ask('10.0.0.1')].map((r) => r.statusCode)).toEqual([404, 404, 429]);
      expect((await ask('10.0.0.2')).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });
});

describe('the maintainer\'s reply', () => {
  it('is shown as going to the nurse, and closing stores it and logs it', async () => {
    const session = await signIn();
    const { id, token } = await sent();
    const page = await app.inject({ url: `/reports/${id}`, headers: { cookie: session.cookie } });
    expect(page.body).toContain('Vastaus ilmoittajalle');
    expect(page.body).toContain('Omat ilmoitukset');
    expect(page.body).toContain(`maxlength="${REPLY_MAX}"`);
    const closed = await app.inject({
      method: 'POST',
      url: `/reports/${id}/close`,
      headers: { cookie: session.cookie },
      payload: { _csrf: session.csrf, status: 'fixed', reply: '  Numero päivitetty.\r\nKiitos!\u0007 ' },
    });
    expect(closed.statusCode).toBe(303);
    expect(await store.getReport(db, id)).toMatchObject({ status: 'fixed', reply: 'Numero päivitetty.\nKiitos!' });
    const [entry] = await store.auditHistory(db, { kind: 'report', recordId: id });
    expect(entry).toMatchObject({ actor: EMAIL, action: 'close-fixed', after: { status: 'fixed', reply: 'Numero päivitetty.\nKiitos!' } });
    expect((await status(id, token)).json()).toMatchObject({ state: 'fixed', reply: 'Numero päivitetty.\nKiitos!' });
  });

  it('a reply with a henkilötunnus (any form the guard knows) or over the limit is refused: the report stays open, nothing stored', async () => {
    const session = await signIn();
    const { id, token } = await sent();
    const before = (await store.auditHistory(db)).length;
    for (const [reply, message] of [
      ['Potilas 131052-308T soitti.', 'henkilötunnus'],
      ['Potilas 13 10 52-308 T soitti.', 'henkilötunnus'],
      ['x'.repeat(REPLY_MAX + 1), 'liian pitkä'],
    ] as const) {
      const refused = await app.inject({ method: 'POST', url: `/reports/${id}/close`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, status: 'fixed', reply } });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(message);
      expect(refused.body).toMatch(/id="reply"[^>]*aria-invalid="true"/);
    }
    expect(await store.getReport(db, id)).toMatchObject({ status: 'open', reply: null });
    expect((await store.auditHistory(db)).length).toBe(before);
    expect((await status(id, token)).json()).toMatchObject({ state: 'received', reply: null });
    const ok = await app.inject({ method: 'POST', url: `/reports/${id}/close`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, status: 'fixed', reply: 'x'.repeat(REPLY_MAX) } });
    expect(ok.statusCode).toBe(303);
  });
});
