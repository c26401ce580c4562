/**
 * The background wiring over the fake browser: messages, the back-off alarm, browser start-up.
 * The network is real (a local endpoint); only the clock is injected.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBrowserAdapters } from '@/utils/background/adapters';
import { removeMessageHandlers } from '@/utils/background/handle-message';
import { sendMessage } from '@/utils/messaging';
import { REPORTS_ALARM, setupReportsBackground } from '@/utils/reports/background';
import { BACKOFF_BASE_MS } from '@/utils/reports/delivery';
import { parseOutbox } from '@/utils/reports/schema';
import { reportOutboxItem, reportSettingsItem } from '@/utils/storage';
import { ReportServer } from '../report-server';
import { draft } from './reports-fixtures';

let server: ReportServer;
let clock: number;

const stored = async () => parseOutbox(await reportOutboxItem.getValue());
const settle = () => vi.waitFor(async () => expect((await stored()).every((e) => e.state.status !== 'pending' || e.attempts > 0)).toBe(true));

beforeEach(async () => {
  fakeBrowser.reset();
  // The fake browser has no manifest; the real one's version comes from package.json.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Järjestöopas', version: '0.1.0' });
  server = new ReportServer();
  await server.start();
  clock = Date.parse('2026-11-22T10:00:00Z');
  await reportSettingsItem.setValue({ reportUrl: server.url });
});

afterEach(async () => {
  removeMessageHandlers();
  vi.restoreAllMocks();
  await server.stop();
});

const start = () => setupReportsBackground(createBrowserAdapters({ clock: { now: () => clock } }));

describe('reports background', () => {
  it('a submitted report is stored with a random UUID and delivered at once', async () => {
    start();
    const result = await sendMessage('reports.submit', draft());
    expect(result.status).toBe('pending');
    expect(result.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await vi.waitFor(() => expect(server.reports).toHaveLength(1));
    await vi.waitFor(async () => expect((await stored())[0]?.state.status).toBe('delivered'));
    expect((await stored())[0]?.report.extensionVersion).toBe('0.1.0');
  });

  it('a failed attempt sets the back-off alarm; the alarm delivers, even in a restarted background', async () => {
    await server.stop();
    start();
    await sendMessage('reports.submit', draft());
    await settle();
    const alarm = await fakeBrowser.alarms.get(REPORTS_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(clock + BACKOFF_BASE_MS / 2);

    // Browser restart: listeners gone, a new background over the same storage.
    removeMessageHandlers();
    fakeBrowser.alarms.onAlarm.removeAllListeners();
    fakeBrowser.runtime.onStartup.removeAllListeners();
    await server.start();
    clock += BACKOFF_BASE_MS;
    start();
    await fakeBrowser.alarms.onAlarm.trigger({ name: REPORTS_ALARM, scheduledTime: clock, persistAcrossSessions: false });
    await vi.waitFor(async () => expect((await stored())[0]?.state.status).toBe('delivered'));
    expect(server.reports).toHaveLength(1);
    expect(await fakeBrowser.alarms.get(REPORTS_ALARM)).toBeUndefined();
  });

  it('browser start-up delivers what is due', async () => {
    await server.stop();
    start();
    await sendMessage('reports.submit', draft());
    await settle();
    await server.start();
    clock += 10 * BACKOFF_BASE_MS;
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(server.reports).toHaveLength(1));
  });

  it('retry and discard arrive as messages; malformed messages are refused', async () => {
    start();
    server.failNext({ status: 422, body: { message: 'field not known' } });
    const { id } = await sendMessage('reports.submit', draft());
    await vi.waitFor(async () => expect((await stored())[0]?.state).toMatchObject({ status: 'failed', reason: 'HTTP 422 Unprocessable Entity: field not known' }));
    await sendMessage('reports.retry', { id });
    await vi.waitFor(async () => expect((await stored())[0]?.state.status).toBe('delivered'));
    await sendMessage('reports.discard', { id });
    expect(await stored()).toEqual([]);
    await expect(sendMessage('reports.retry', { id: 'not-a-uuid' })).rejects.toThrow();
    await expect(sendMessage('reports.submit', { ...draft(), comment: 'x'.repeat(5000) })).rejects.toThrow();
  });
});
