/**
 * The nurse hears back, the extension's half (issue 19, item 5): a report delivered to an
 * endpoint that gives a status token is followed; the background asks for its state and reply on
 * an alarm and when "Omat ilmoitukset" opens, sending only the token; the answer is stored in the
 * outbox item and marked unseen until the list has shown it. Over the fake browser, against a
 * real HTTP endpoint on 127.0.0.1 (tests/report-server.ts); only the clock is injected.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBrowserAdapters } from '@/utils/background/adapters';
import { removeMessageHandlers } from '@/utils/background/handle-message';
import { sendMessage } from '@/utils/messaging';
import { REPLY_MAX, statusUrlFor } from '@/utils/reports/answer';
import { ANSWERS_ALARM, setupReportsBackground } from '@/utils/reports/background';
import { deliverReport } from '@/utils/reports/delivery';
import { ANSWER_CHECK_PERIOD_MINUTES, ANSWER_RECHECK_MIN_MS, FOLLOW_UP_MAX_AGE_MS } from '@/utils/reports/follow-up';
import type { ReportsOutbox } from '@/utils/reports/outbox';
import { parseOutbox, type Report } from '@/utils/reports/schema';
import { reportOutboxItem, reportSettingsItem } from '@/utils/storage';
import { ReportServer } from '../report-server';
import { draft } from './reports-fixtures';

let server: ReportServer;
let clock: number;

const stored = async () => parseOutbox(await reportOutboxItem.getValue());
const followUp = async () => (await stored())[0]?.followUp;

async function startWith(endpoint: ReportServer): Promise<ReportsOutbox> {
  server = endpoint;
  await server.start();
  await reportSettingsItem.setValue({ reportUrl: server.url });
  return setupReportsBackground(createBrowserAdapters({ clock: { now: () => clock } }));
}

/** Submits a report and waits until it is delivered; returns its id. */
async function delivered(): Promise<string> {
  const { id } = await sendMessage('reports.submit', draft());
  await vi.waitFor(async () => expect((await stored())[0]?.state.status).toBe('delivered'));
  return id;
}

const alarmTrigger = () => fakeBrowser.alarms.onAlarm.trigger({ name: ANSWERS_ALARM, scheduledTime: clock, persistAcrossSessions: false });

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Järjestöopas', version: '0.1.0' });
  clock = Date.parse('2026-11-22T10:00:00Z');
});

afterEach(async () => {
  removeMessageHandlers();
  vi.restoreAllMocks();
  await server.stop();
});

describe('following a delivered report', () => {
  it('the token is kept with the status address derived from the report address; the answer alarm is set', async () => {
    await startWith(new ReportServer({ statusTokens: true }));
    const id = await delivered();
    expect(await followUp()).toEqual({
      statusUrl: `${server.url}/${id}/status`,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: 'received',
      reply: null,
      checkedAt: null,
      changedAt: null,
      unseen: false,
    });
    const alarm = await fakeBrowser.alarms.get(ANSWERS_ALARM);
    expect(alarm?.periodInMinutes).toBe(ANSWER_CHECK_PERIOD_MINUTES);
  });

  it('opening the list asks with the token only; the reply is stored, unseen until the list has shown it', async () => {
    await startWith(new ReportServer({ statusTokens: true }));
    const id = await delivered();
    const { token } = (await followUp())!;
    server.answer(id, { state: 'fixed', reply: 'Numero päivitetty, kiitos!', closedAt: '2026-11-23T09:00:00.000Z' });
    clock += 60_000;
    await sendMessage('reports.checkAnswers', undefined);
    await vi.waitFor(async () => expect(await followUp()).toMatchObject({ state: 'fixed', reply: 'Numero päivitetty, kiitos!', unseen: true, checkedAt: clock, changedAt: clock }));
    expect(server.statusRequests).toEqual([{ id, authorization: `Bearer ${token}`, url: `/reports/${id}/status`, body: '' }]);
    await sendMessage('reports.answersSeen', { ids: [id] });
    expect(await followUp()).toMatchObject({ state: 'fixed', reply: 'Numero päivitetty, kiitos!', unseen: false });
    await expect(sendMessage('reports.answersSeen', { ids: ['not-a-uuid'] })).rejects.toThrow();
  });

  it('offline keeps what is known; back online, the alarm brings the answer', async () => {
    const outbox = await startWith(new ReportServer({ statusTokens: true }));
    const id = await delivered();
    await server.stop();
    const before = await followUp();
    await outbox.checkAnswers(0);
    expect(await followUp()).toEqual(before);
    await server.start();
    server.answer(id, { state: 'not-a-problem', reply: 'Numero on oikein, soita arkisin.', closedAt: null });
    await alarmTrigger();
    await vi.waitFor(async () => expect(await followUp()).toMatchObject({ state: 'not-a-problem', reply: 'Numero on oikein, soita arkisin.', unseen: true }));
  });

  it('malformed answers are rejected and change nothing: unknown state, another report, too long a reply, not JSON, not the contract', async () => {
    const outbox = await startWith(new ReportServer({ statusTokens: true }));
    const id = await delivered();
    const before = await followUp();
    const bad = [
      { status: 200, body: { id, state: 'exploded', reply: null, closedAt: null } },
      { status: 200, body: { id: '00000000-0000-4000-8000-000000000999', state: 'fixed', reply: 'Toisen ilmoituksen vastaus', closedAt: null } },
      { status: 200, body: { id, state: 'fixed', reply: 'x'.repeat(REPLY_MAX + 1), closedAt: null } },
      { status: 200, body: '<html>kirjaudu verkkoon</html>' },
      { status: 200, body: { id, state: 'fixed', reply: 'ok', closedAt: null, extra: 'field' } },
      { status: 404, body: { error: 'no such report' } },
      { status: 503 },
    ];
    for (const reply of bad) {
      server.failNextStatus(reply);
      await outbox.checkAnswers(0);
      expect(await followUp(), JSON.stringify(reply)).toEqual(before);
    }
    expect(server.statusRequests).toHaveLength(bad.length);
  });

  it('a closed report is not asked about again and the alarm stops; so is a report older than 60 days', async () => {
    const outbox = await startWith(new ReportServer({ statusTokens: true }));
    const id = await delivered();
    server.answer(id, { state: 'fixed', reply: null, closedAt: '2026-11-23T09:00:00.000Z' });
    await outbox.checkAnswers(0);
    expect(await followUp()).toMatchObject({ state: 'fixed', unseen: true });
    expect(await fakeBrowser.alarms.get(ANSWERS_ALARM)).toBeUndefined();
    await outbox.checkAnswers(0);
    await alarmTrigger();
    await sendMessage('reports.checkAnswers', undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.statusRequests).toHaveLength(1);

    // Another report, never closed: asked about until it is 60 days old, then not.
    await reportOutboxItem.setValue([]);
    const other = await delivered();
    server.answer(other, { state: 'received', reply: null, closedAt: null });
    await outbox.checkAnswers(0);
    expect(server.statusRequests).toHaveLength(2);
    clock += FOLLOW_UP_MAX_AGE_MS;
    await outbox.checkAnswers(0);
    expect(server.statusRequests).toHaveLength(2);
    expect(await fakeBrowser.alarms.get(ANSWERS_ALARM)).toBeUndefined();
  });

  it('opening the list again within half a minute does not ask again', async () => {
    const outbox = await startWith(new ReportServer({ statusTokens: true }));
    await delivered();
    await outbox.checkAnswers(ANSWER_RECHECK_MIN_MS);
    await outbox.checkAnswers(ANSWER_RECHECK_MIN_MS);
    expect(server.statusRequests).toHaveLength(1);
    clock += ANSWER_RECHECK_MIN_MS;
    await outbox.checkAnswers(ANSWER_RECHECK_MIN_MS);
    expect(server.statusRequests).toHaveLength(2);
  });

  it('an endpoint that gives no token: the report is not followed, nothing is asked', async () => {
    const outbox = await startWith(new ReportServer());
    await delivered();
    expect(await followUp()).toBeNull();
    expect(await fakeBrowser.alarms.get(ANSWERS_ALARM)).toBeUndefined();
    await outbox.checkAnswers(0);
    expect(server.statusRequests).toEqual([]);
  });
});

describe('the contract\'s small parts', () => {
  it('the status address keeps the endpoint\'s path and query', () => {
    const id = '6f1c0a9e-3b7d-4e2a-9c41-0d8e5f7a2b13';
    expect(statusUrlFor('https://wb.example.fi/api/reports', id)).toBe(`https://wb.example.fi/api/reports/${id}/status`);
    expect(statusUrlFor('https://wb.example.fi/api/reports/', id)).toBe(`https://wb.example.fi/api/reports/${id}/status`);
    expect(statusUrlFor('https://intake.example.fi/r?area=vake', id)).toBe(`https://intake.example.fi/r/${id}/status?area=vake`);
  });

  it('a token shorter than 128 bits is not kept (the report is delivered, not followed)', async () => {
    const report = { id: '6f1c0a9e-3b7d-4e2a-9c41-0d8e5f7a2b13' } as Report;
    const answer = (statusToken: unknown) => async () => new Response(JSON.stringify({ id: report.id, statusToken }), { status: 201 });
    expect(await deliverReport(report, 'https://x.example/r', answer('a'.repeat(21)), 0)).toEqual({ kind: 'delivered' });
    expect(await deliverReport(report, 'https://x.example/r', answer(42), 0)).toEqual({ kind: 'delivered' });
    expect(await deliverReport(report, 'https://x.example/r', answer('a'.repeat(22)), 0)).toEqual({ kind: 'delivered', statusToken: 'a'.repeat(22) });
  });
});
