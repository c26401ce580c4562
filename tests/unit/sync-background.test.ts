import { browser } from '#imports';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeMessageHandlers } from '@/utils/background/handle-message';
import { syncSettingsItem, syncStateItem } from '@/utils/storage';
import { setupSyncBackground, SYNC_ALARM } from '@/utils/sync/background';
import { readSyncState } from '@/utils/sync/state';
import { generateSigningKeyPair, type SigningKeyPair } from '@/utils/sync/signature';
import { startFeedServer, type FeedServer } from './sync-feed-server';
import { encode, feedCatalogue, signedPublication } from './sync-fixtures';
import { bundledHeader, catalogueInUse, testAdapters } from './sync-browser-fixtures';

const NO_DEFAULTS = { feedUrl: null, trustedPublicKeys: [], refreshIntervalHours: 6 };
let server: FeedServer;
let key: SigningKeyPair;

beforeAll(async () => {
  server = await startFeedServer();
  key = await generateSigningKeyPair();
});
afterAll(() => server.close());

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('sync in the background', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    removeMessageHandlers();
    fakeBrowser.reset();
  });

  it('on install with no feed: records "not configured" and still schedules the alarm', async () => {
    setupSyncBackground(testAdapters(), { defaults: NO_DEFAULTS });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await until(async () => readSyncState(await syncStateItem.getValue()).lastAttemptAt !== null);
    expect(readSyncState(await syncStateItem.getValue()).reason).toBe('notConfigured');
    expect((await browser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(360);
  });

  it('the alarm fetches the feed; the policy interval reschedules it; a 304 follows', async () => {
    server.publish(await signedPublication(encode(feedCatalogue(3)), key));
    await fakeBrowser.storage.managed.set({ refreshIntervalHours: 2 });
    await syncSettingsItem.setValue({ feedUrl: server.url, trustedPublicKeys: [key.publicKey] });
    const runner = setupSyncBackground(testAdapters(), { defaults: NO_DEFAULTS });
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), periodInMinutes: 360, persistAcrossSessions: true });
    await until(async () => readSyncState(await syncStateItem.getValue()).outcome === 'updated');
    expect((await catalogueInUse()).header.revision).toBe(3);
    expect((await browser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(120);
    const again = await runner.run('manual');
    expect(again.outcome).toBe('notModified');
    expect(again.bytes).toBe(0);
  });

  it('a new policy applies at once: the feed it names is fetched and its interval scheduled', async () => {
    server.publish(await signedPublication(encode(feedCatalogue(6)), key));
    setupSyncBackground(testAdapters(), { defaults: NO_DEFAULTS });
    await fakeBrowser.storage.managed.set({ feedUrl: server.url, trustedPublicKeys: [key.publicKey], refreshIntervalHours: 24 });
    await until(async () => readSyncState(await syncStateItem.getValue()).outcome === 'updated');
    expect(readSyncState(await syncStateItem.getValue()).trigger).toBe('settings');
    expect((await catalogueInUse()).header.revision).toBe(6);
    expect((await browser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(24 * 60);
  });

  it('a settings change during an attempt is not lost: one more attempt follows', async () => {
    server.publish(await signedPublication(encode(feedCatalogue(4)), key));
    // The first attempt is held after it read the settings (at the bundled header), so that the
    // change lands while it runs, however long the stored-feed migrations before it take.
    let started!: () => void;
    let release!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    let attempts = 0;
    const bundledHeaderHeld = async () => {
      if (attempts++ === 0) {
        started();
        await held;
      }
      return bundledHeader();
    };
    const runner = setupSyncBackground(testAdapters({ catalogue: { bundledHeader: bundledHeaderHeld } }), { defaults: NO_DEFAULTS });
    const first = runner.run('startup');
    await running;
    await syncSettingsItem.setValue({ feedUrl: server.url, trustedPublicKeys: [key.publicKey] });
    const second = runner.run('manual');
    expect(second).not.toBe(first);
    expect(runner.run('manual')).toBe(second);
    release();
    expect((await first).trigger).toBe('startup');
    // The later attempt ran after the first one ended, with the new settings.
    const later = await second;
    expect(later.lastAttemptAt! >= (await first).lastAttemptAt!).toBe(true);
    expect(['updated', 'notModified']).toContain(later.outcome);
    expect((await catalogueInUse()).header.revision).toBe(4);
  });
});
