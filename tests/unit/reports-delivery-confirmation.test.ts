/**
 * The intake contract from the extension's side: only a 2xx reply whose JSON body echoes the
 * report id counts as delivered. A captive portal's or proxy's login page (200, HTML) must not
 * drop the report from the outbox; a redirect is final, never followed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverReport, NOT_CONFIRMED, REDIRECTED } from '@/utils/reports/delivery';
import type { Report } from '@/utils/reports/schema';

const report: Report = {
  schemaVersion: 1,
  id: '6f1c1a52-3b0e-4b6c-9a55-8f0d1f2a3b4c',
  createdAt: '2026-12-03T08:00:00+02:00',
  region: 'vake',
  catalogueRevision: 3,
  serviceId: 'palvelu',
  serviceName: 'Palvelu',
  organisationId: 'jarjesto',
  organisationName: 'Järjestö',
  field: 'phone',
  extensionVersion: '0.1.0',
};

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A real HTTP endpoint on 127.0.0.1 answering with the given status, type and body. */
async function endpoint(status: number, contentType: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  server = createServer((request, response) => {
    request.resume().on('end', () => {
      response.writeHead(status, { 'Content-Type': contentType, ...headers });
      response.end(body);
    });
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/reports`;
}

const send = (url: string) => deliverReport(report, url, (input, init) => fetch(input, init), Date.now());

describe('delivery counts only a reply that echoes the report id', () => {
  it('201 {"id": <report id>} is delivered; 200 with the same id (a repeat) too', async () => {
    expect(await send(await endpoint(201, 'application/json', JSON.stringify({ id: report.id })))).toEqual({ kind: 'delivered' });
  });

  it("a proxy's login page answering 200 is not delivered: kept for a later try", async () => {
    const outcome = await send(await endpoint(200, 'text/html', '<html><form>Kirjaudu verkkoon</form></html>'));
    expect(outcome).toEqual({ kind: 'retry', reason: NOT_CONFIRMED });
  });

  it('200 JSON with another id, or without one, is not delivered', async () => {
    expect(await send(await endpoint(200, 'application/json', JSON.stringify({ id: 'someone-else' })))).toEqual({ kind: 'retry', reason: NOT_CONFIRMED });
    await new Promise<void>((done) => server!.close(() => done()));
    expect(await send(await endpoint(204, 'application/json', ''))).toEqual({ kind: 'retry', reason: NOT_CONFIRMED });
  });

  it('a redirect is not followed and is final', async () => {
    const outcome = await send(await endpoint(302, 'text/html', '', { Location: 'http://127.0.0.1:1/login' }));
    expect(outcome).toEqual({ kind: 'final', reason: REDIRECTED });
  });
});
