/**
 * The outbox against a real HTTP endpoint on 127.0.0.1 (tests/report-server.ts): the fault
 * cases of issue 5. Time is an injected clock, so back-off costs no real waiting.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKOFF_BASE_MS, parseRetryAfter } from '@/utils/reports/delivery';
import { createReportsOutbox, FINISHED_REPORT_RETENTION_MS, type ConfiguredUrls, type OutboxStorage, type ReportsOutbox } from '@/utils/reports/outbox';
import type { OutboxEntry } from '@/utils/reports/schema';
import { createBrowserAdapters } from '@/utils/background/adapters';
import { reportOutboxItem } from '@/utils/storage';
import { ReportServer } from '../report-server';
import { draft } from './reports-fixtures';

const START = Date.parse('2026-11-22T10:00:00+02:00');

/** Storage that only keeps what survives JSON, like extension storage does. */
function memoryStorage(): OutboxStorage & { raw: () => unknown } {
  let stored: string | undefined;
  return {
    load: async () => (stored === undefined ? [] : JSON.parse(stored)),
    save: async (entries) => void (stored = JSON.stringify(entries)),
    raw: () => (stored === undefined ? undefined : JSON.parse(stored)),
  };
}

let server: ReportServer;
let clock: number;
let wakeUps: Array<number | null>;
let ids: number;

/** One background instance; a "browser restart" is a new instance over the same storage. */
function background(storage: OutboxStorage, urls: ConfiguredUrls = { settings: server.url }): ReportsOutbox {
  return createReportsOutbox({
    storage,
    fetch: (input, init) => fetch(input, init),
    now: () => clock,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    random: () => 0.5,
    extensionVersion: '0.1.0',
    configuredUrls: async () => urls,
    scheduleWakeUp: (at) => void wakeUps.push(at),
  });
}

const only = async (outbox: ReportsOutbox): Promise<OutboxEntry> => {
  const entries = await outbox.list();
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

beforeEach(async () => {
  fakeBrowser.reset();
  server = new ReportServer();
  await server.start();
  clock = START;
  wakeUps = [];
  ids = 0;
});

afterEach(async () => {
  await server.stop();
});

describe('reports outbox against a real endpoint', () => {
  it('stores the report before any network use, then delivers it once with its id as Idempotency-Key', async () => {
    const storage = memoryStorage();
    const outbox = background(storage);
    const submitted = await outbox.submit(draft());
    expect(submitted).toEqual({ status: 'pending', id: '00000000-0000-4000-8000-000000000001' });
    expect(server.posts).toHaveLength(0);
    expect(storage.raw()).toHaveLength(1);

    await outbox.deliverDue();
    expect(server.reports).toEqual([(await only(outbox)).report]);
    expect(server.posts.map((post) => post.idempotencyKey)).toEqual([submitted.id]);
    expect((await only(outbox)).state).toEqual({ status: 'delivered', deliveredAt: START });
    expect(wakeUps.at(-1)).toBeNull();

    // Later passes (alarms, restarts) never send a delivered report again.
    await outbox.deliverDue();
    await background(storage).deliverDue();
    expect(server.posts).toHaveLength(1);
  });

  it('server down: stays queued with a back-off wake-up; server back: delivered exactly once', async () => {
    const outbox = background(memoryStorage());
    await server.stop();
    await outbox.submit(draft());
    await outbox.deliverDue();
    let entry = await only(outbox);
    expect(entry.state).toEqual({ status: 'pending', nextAttemptAt: START + 0.75 * BACKOFF_BASE_MS, lastError: 'network error' });
    expect(entry.attempts).toBe(1);
    expect(wakeUps.at(-1)).toBe(START + 0.75 * BACKOFF_BASE_MS);

    // Not yet due: an early wake-up (e.g. the browser starting) does not try again.
    await server.start();
    await outbox.deliverDue();
    expect(server.posts).toHaveLength(0);

    clock += BACKOFF_BASE_MS;
    await outbox.deliverDue();
    entry = await only(outbox);
    expect(entry.state.status).toBe('delivered');
    expect(entry.attempts).toBe(2);
    expect(server.reports).toHaveLength(1);
  });

  it('503, 503, then accepted: exactly one report recorded, the delays growing between attempts', async () => {
    const outbox = background(memoryStorage());
    server.failNext(503, { status: 503, body: { error: 'maintenance' } });
    await outbox.submit(draft());

    await outbox.deliverDue();
    const first = await only(outbox);
    expect(first.state).toMatchObject({ status: 'pending', lastError: 'HTTP 503 Service Unavailable' });
    clock = (first.state as { nextAttemptAt: number }).nextAttemptAt;

    await outbox.deliverDue();
    const second = await only(outbox);
    expect(second.state).toMatchObject({ status: 'pending', lastError: 'HTTP 503 Service Unavailable: maintenance' });
    const secondDelay = (second.state as { nextAttemptAt: number }).nextAttemptAt - clock;
    expect(secondDelay).toBeGreaterThan((first.state as { nextAttemptAt: number }).nextAttemptAt - START);
    clock += secondDelay;

    await outbox.deliverDue();
    expect((await only(outbox)).state.status).toBe('delivered');
    expect(server.posts).toHaveLength(3);
    expect(new Set(server.posts.map((post) => post.idempotencyKey)).size).toBe(1);
    expect(server.reports).toHaveLength(1);
  });

  it.each([408, 429, 500, 502])('%i is retried later', async (status) => {
    const outbox = background(memoryStorage());
    server.failNext(status);
    await outbox.submit(draft());
    await outbox.deliverDue();
    expect((await only(outbox)).state.status).toBe('pending');
    clock += 10 * BACKOFF_BASE_MS;
    await outbox.deliverDue();
    expect((await only(outbox)).state.status).toBe('delivered');
  });

  it("429 with Retry-After waits as long as the endpoint asks (seconds or a date), at most the cap", async () => {
    const outbox = background(memoryStorage());
    server.failNext({ status: 429, headers: { 'Retry-After': '600' } });
    await outbox.submit(draft());
    await outbox.deliverDue();
    expect((await only(outbox)).state).toMatchObject({ status: 'pending', nextAttemptAt: START + 600_000 });
    expect(parseRetryAfter(new Date(START + 120_000).toUTCString(), START)).toBe(120_000);
    expect(parseRetryAfter('soon', START)).toBeUndefined();
    expect(parseRetryAfter(null, START)).toBeUndefined();
  });

  it('400 is final, keeps the reason, is not retried by alarms; the nurse may retry or discard it', async () => {
    const outbox = background(memoryStorage());
    server.failNext({ status: 400, body: { error: 'unknown serviceId' } });
    const { id } = await outbox.submit(draft());
    await outbox.deliverDue();
    expect((await only(outbox)).state).toEqual({ status: 'failed', failedAt: START, reason: 'HTTP 400 Bad Request: unknown serviceId' });
    expect(wakeUps.at(-1)).toBeNull();

    clock += 24 * 60 * 60_000;
    await outbox.deliverDue();
    expect(server.posts).toHaveLength(1);

    await outbox.retry(id);
    await outbox.deliverDue();
    expect((await only(outbox)).state.status).toBe('delivered');
    expect(server.reports).toHaveLength(1);

    await outbox.discard(id);
    expect(await outbox.list()).toEqual([]);
  });

  it('sent and e-mailed reports are forgotten after the retention time; pending and failed ones are kept', async () => {
    const outbox = background(memoryStorage());
    server.failNext({ status: 400 });
    await outbox.submit(draft({ serviceId: 'refused' }));
    await outbox.deliverDue();
    await outbox.submit(draft({ serviceId: 'sent' }));
    await outbox.deliverDue();
    await server.stop();
    await outbox.submit(draft({ serviceId: 'waiting' }));
    const byEmail = background(memoryStorage(), {});
    await byEmail.submit(draft({ serviceId: 'emailed' }));

    clock += FINISHED_REPORT_RETENTION_MS - 1;
    await outbox.deliverDue();
    expect((await outbox.list()).map((e) => ('serviceId' in e.report ? e.report.serviceId : e.report.words))).toEqual(['refused', 'sent', 'waiting']);
    clock += 1;
    await outbox.deliverDue();
    await byEmail.deliverDue();
    expect((await outbox.list()).map((e) => ('serviceId' in e.report ? e.report.serviceId : e.report.words))).toEqual(['refused', 'waiting']);
    expect(await byEmail.list()).toEqual([]);
  });

  it('a pending report cannot be discarded (it may be on its way)', async () => {
    const outbox = background(memoryStorage());
    await server.stop();
    const { id } = await outbox.submit(draft());
    await outbox.discard(id);
    expect(await outbox.list()).toHaveLength(1);
  });

  it('browser restart between attempts (new background over the same extension storage): still delivered once', async () => {
    const outboxStorage = createBrowserAdapters().storage.outbox;
    const before = background(outboxStorage);
    server.failNext(503);
    await before.submit(draft());
    await before.deliverDue();
    expect((await reportOutboxItem.getValue()) as unknown[]).toHaveLength(1);

    // The old instance is gone; the new one knows only what storage kept.
    clock += 60 * 60_000;
    const after = background(outboxStorage);
    await after.deliverDue();
    expect((await only(after)).state.status).toBe('delivered');
    expect(server.reports).toHaveLength(1);
    expect(server.posts).toHaveLength(2);
  });

  it('an alarm and a submit at the same moment still send each report once', async () => {
    const outbox = background(memoryStorage());
    await outbox.submit(draft());
    await outbox.submit(draft({ serviceId: 'muistiyhdistys', field: 'ended' }));
    await Promise.all([outbox.deliverDue(), outbox.deliverDue(), outbox.deliverDue()]);
    expect(server.posts).toHaveLength(2);
    expect(server.reports).toHaveLength(2);
  });

  it('no endpoint configured: handed over to e-mail, never posted', async () => {
    const outbox = background(memoryStorage(), {});
    const result = await outbox.submit(draft());
    expect(result.status).toBe('handed-to-email');
    expect(result.status === 'handed-to-email' && result.mailto).toMatch(/^mailto:jarjestoyhteistyo@vakehyva\.fi\?subject=/);
    expect((await only(outbox)).state).toEqual({ status: 'handed-to-email', handedAt: START, to: 'jarjestoyhteistyo@vakehyva.fi' });
    await outbox.deliverDue();
    expect(server.posts).toHaveLength(0);
  });

  it('no endpoint and no maintainer address (issue14): kept, says whom to tell, sent once an address is set', async () => {
    const storage = memoryStorage();
    const urls: ConfiguredUrls = {};
    const outbox = background(storage, urls);
    const result = await outbox.submit(draft({ maintainer: { name: 'VAKE järjestöyhteistyö' } }));
    expect(result).toEqual({ status: 'kept', id: expect.any(String), maintainerName: 'VAKE järjestöyhteistyö' });
    await outbox.deliverDue();
    // Not failed, not forgotten: waiting for a destination.
    expect((await only(outbox)).state.status).toBe('pending');
    expect(server.posts).toHaveLength(0);
    // The deployment sets the address (options); the next due attempt delivers it.
    urls.settings = server.url;
    clock += 24 * 60 * 60_000;
    await outbox.deliverDue();
    expect((await only(outbox)).state.status).toBe('delivered');
    expect(server.reports).toHaveLength(1);
  });

  it("the catalogue's maintainer endpoint is used when neither policy nor settings name one", async () => {
    const outbox = background(memoryStorage(), {});
    await outbox.submit(draft({ maintainer: { email: 'a@vakehyva.fi', reportUrl: server.url } }));
    await outbox.deliverDue();
    expect(server.reports).toHaveLength(1);
  });

  it('refuses a malformed draft, or one carrying a henkilötunnus, before storing or sending anything', async () => {
    const storage = memoryStorage();
    const outbox = background(storage);
    await expect(outbox.submit({ ...draft(), field: 'mood' } as never)).rejects.toThrow();
    await expect(outbox.submit(draft({ comment: 'potilas 010594Y9021' }))).rejects.toThrow(/personal identity code/);
    await expect(outbox.submit(draft({ suggestion: '150105A123R' }))).rejects.toThrow(/personal identity code/);
    expect(storage.raw()).toBeUndefined();
    await outbox.deliverDue();
    expect(server.posts).toHaveLength(0);
    // A lookalike with a wrong checksum is not a code.
    expect((await outbox.submit(draft({ comment: 'viite 010594Y9022' }))).status).toBe('pending');
  });

  it('sends nothing but the report: no cookies, no identity, only the documented fields', async () => {
    const outbox = background(memoryStorage());
    await outbox.submit(draft());
    await outbox.deliverDue();
    expect(Object.keys(server.reports[0] as object).sort()).toEqual(
      ['catalogueRevision', 'comment', 'createdAt', 'extensionVersion', 'field', 'id', 'organisationId', 'organisationName', 'region', 'schemaVersion', 'serviceId', 'serviceName', 'suggestion'],
    );
  });
});
