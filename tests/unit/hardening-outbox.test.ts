/**
 * The outbox loses nothing it cannot read (issue 12, item 4): entries written by an older or a
 * newer version, or damaged, are kept exactly as stored (quarantined) through every submit,
 * delivery pass, retry, discard and expiry, and listed for the options page; only a discard or
 * the retention time makes the stored list shorter. WXT migrations run on the stored items.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReportsOutbox, FINISHED_REPORT_RETENTION_MS, type ReportsOutbox } from '@/utils/reports/outbox';
import { readOutbox } from '@/utils/reports/schema';
import { createBrowserAdapters } from '@/utils/background/adapters';
import { reportOutboxItem } from '@/utils/storage';
import { draft } from './reports-fixtures';

const START = Date.parse('2026-11-22T10:00:00+02:00');
const confirmed = (id: string) => new Response(JSON.stringify({ id }), { status: 201, headers: { 'Content-Type': 'application/json' } });

/** A report as the previous release (outbox v1) wrote it, delivered long ago. */
const deliveredV1 = {
  report: {
    schemaVersion: 1,
    id: '00000000-0000-4000-8000-00000000aaaa',
    createdAt: '2026-01-02T08:00:00.000Z',
    region: 'vake',
    catalogueRevision: 1,
    serviceId: 'vanha-palvelu',
    serviceName: 'Vanha palvelu',
    organisationId: 'vanha-yhdistys',
    organisationName: 'Vanha yhdistys ry',
    field: 'phone',
    extensionVersion: '0.1.0',
  },
  maintainer: { email: 'a@vakehyva.fi' },
  attempts: 1,
  state: { status: 'delivered', deliveredAt: START - FINISHED_REPORT_RETENTION_MS - 1 },
};
/** The same as the current version (outbox v2) has it: delivered before status tokens, not followed. */
const delivered = { ...deliveredV1, followUp: null };
/** Written by a newer version: a report format and a state this version does not know. */
const fromNewerVersion = {
  report: { ...delivered.report, schemaVersion: 2, id: '00000000-0000-4000-8000-00000000bbbb', serviceName: 'Uudemman version ilmoitus', phones: ['+358 9 123'] },
  maintainer: { email: 'a@vakehyva.fi' },
  attempts: 0,
  state: { status: 'queued-for-review', since: START },
};
const damaged = 'junk left by a hand edit';

let clock: number;
let ids: number;
function outbox(fetchFn = vi.fn(async (_url: string, init: RequestInit) => confirmed(JSON.parse(String(init.body)).id as string))): ReportsOutbox {
  return createReportsOutbox({
    storage: createBrowserAdapters().storage.outbox,
    fetch: fetchFn,
    now: () => clock,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    random: () => 0.5,
    extensionVersion: '0.2.0',
    configuredUrls: async () => ({ settings: 'https://reports.vakehyva.fi/r' }),
    scheduleWakeUp: () => undefined,
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = START;
  ids = 0;
});

describe('outbox entries this version cannot read are kept', () => {
  it('survive submit, delivery, retry, discard and expiry, exactly as stored', async () => {
    await fakeBrowser.storage.local.set({ reportOutbox: [delivered, fromNewerVersion, damaged] });
    const box = outbox();
    const { id } = await box.submit(draft());
    await box.deliverDue(); // also forgets the long-delivered report (expiry)
    await box.retry(id);
    await box.discard(id);
    const stored = (await reportOutboxItem.getValue()) as unknown[];
    expect(stored).toContainEqual(fromNewerVersion);
    expect(stored).toContainEqual(damaged);
    expect(stored).not.toContainEqual(delivered);
    expect(stored).toHaveLength(2);
  });

  it('a stored value that is not even a list is kept too', async () => {
    const odd = { format: 'outbox-v9', entries: [fromNewerVersion] };
    await fakeBrowser.storage.local.set({ reportOutbox: odd });
    await outbox().submit(draft());
    const stored = (await reportOutboxItem.getValue()) as unknown[];
    expect(stored).toHaveLength(2);
    expect(stored).toContainEqual(odd);
  });

  it('are listed for the options page with what can be read of them', () => {
    const { entries, quarantined } = readOutbox([fromNewerVersion, damaged]);
    expect(entries).toEqual([]);
    expect(quarantined).toEqual([
      { raw: fromNewerVersion, problem: expect.stringMatching(/^report/), serviceName: 'Uudemman version ilmoitus', createdAt: delivered.report.createdAt },
      { raw: damaged, problem: expect.any(String) },
    ]);
  });
});

describe('WXT migrations on the stored report items, from real stored values', () => {
  it('a v1 outbox as the previous release wrote it (no version mark) becomes v2: its reports are not followed, what it cannot read stays as it was', async () => {
    await fakeBrowser.storage.local.set({ reportOutbox: [deliveredV1, fromNewerVersion, damaged] });
    await reportOutboxItem.migrate();
    expect(await reportOutboxItem.getValue()).toEqual([delivered, fromNewerVersion, damaged]);
    expect(await fakeBrowser.storage.local.get('reportOutbox$')).toEqual({ reportOutbox$: { v: 2 } });
    expect(readOutbox(await reportOutboxItem.getValue()).entries).toEqual([delivered]);
  });

  it('an outbox marked by a newer version is never rewritten down: kept, its entries quarantined', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ reportOutbox: [fromNewerVersion], reportOutbox$: { v: 7 } });
    await expect(reportOutboxItem.migrate()).rejects.toThrow(/downgrade/);
    expect(await reportOutboxItem.getValue()).toEqual([fromNewerVersion]);
    await outbox().submit(draft());
    expect(await reportOutboxItem.getValue()).toContainEqual(fromNewerVersion);
    error.mockRestore();
  });
});
