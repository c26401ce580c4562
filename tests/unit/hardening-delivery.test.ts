/**
 * Delivery counts only a confirmed report (issue 12, item 5, the intake contract): a 2xx reply
 * with a JSON body whose `id` equals the report id. Any other 2xx is not a delivery (it stays
 * in the outbox for a later try: a captive portal's login page goes away); a redirect is not
 * followed and is final, with its reason shown. A real HTTP server on 127.0.0.1. (The
 * workbench's own contract test is reports-delivery-confirmation.test.ts.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverReport, NOT_CONFIRMED, REDIRECTED } from '@/utils/reports/delivery';
import { REPORT } from './reports-fixtures';

const report = REPORT;

interface Reply {
  status: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
}
let next: Reply;
let posts: number;
let server: Server;
let url: string;

beforeEach(async () => {
  posts = 0;
  server = createServer((request, response) => {
    if (request.url === '/elsewhere') {
      response.statusCode = 201;
      response.setHeader('Content-Type', 'application/json');
      return void response.end(JSON.stringify({ id: report.id }));
    }
    posts++;
    request.resume();
    request.on('end', () => {
      response.statusCode = next.status;
      if (next.type) response.setHeader('Content-Type', next.type);
      for (const [name, value] of Object.entries(next.headers ?? {})) response.setHeader(name, value);
      response.end(next.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const deliver = () => deliverReport(report, url, (input, init) => fetch(input, init), Date.now());
const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json', body: JSON.stringify(body) });

describe('delivery counts only a reply that echoes the report id', () => {
  it.each([
    ['201 {"id"} (new)', json(201, { id: report.id })],
    ['200 {"id"} (a repeat of the same Idempotency-Key)', json(200, { id: report.id, duplicate: true })],
    ['200 with a charset in the content type', { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify({ id: report.id }) }],
  ])('%s is delivered', async (_name, reply) => {
    next = reply;
    expect(await deliver()).toEqual({ kind: 'delivered' });
  });

  it.each([
    ["a proxy's HTML login page", { status: 200, type: 'text/html', body: '<html><form>Kirjaudu</form></html>' }],
    ['200 {"error": …}', json(200, { error: 'quota exceeded' })],
    ['200 with another id', json(200, { id: '11111111-2222-4333-8444-555555555555' })],
    ['204 without a body', { status: 204 }],
    ['200 JSON that is not an object', json(200, [report.id])],
  ])('%s is not delivered: kept for a later try, with the reason', async (_name, reply) => {
    next = reply;
    expect(await deliver()).toEqual({ kind: 'retry', reason: NOT_CONFIRMED });
  });

  it.each([301, 302, 303, 307, 308])('a %i redirect is final, not followed, and its reason names the redirect', async (status) => {
    next = { status, headers: { Location: '/elsewhere' } };
    const outcome = await deliver();
    expect(posts).toBe(1);
    expect(outcome).toEqual({ kind: 'final', reason: REDIRECTED });
  });
});

describe('the nurse sees why', () => {
  it('words a redirect and an unconfirmed reply in her language', async () => {
    const { reportStateText } = await import('@/components/reports/state-text');
    const { createTranslator } = await import('@/utils/i18n/messages');
    next = { status: 302, headers: { Location: 'https://login.example/' } };
    const redirected = await deliver();
    next = { status: 200, type: 'text/html', body: '<html>login</html>' };
    const unconfirmed = await deliver();
    expect(redirected.kind === 'final' && reportStateText(createTranslator('fi'), { status: 'failed', failedAt: 0, reason: redirected.reason })).toBe(
      'epäonnistui: vastaanottaja ohjasi ilmoituksen toiseen osoitteeseen',
    );
    expect(
      unconfirmed.kind === 'retry' && reportStateText(createTranslator('en'), { status: 'pending', nextAttemptAt: 0, lastError: unconfirmed.reason }),
    ).toMatch(/did not confirm/);
  });
});
