import { browser } from '#imports';
import type { BackgroundAdapters } from '../background/adapters';
import { handleMessage } from '../background/handle-message';
import { feedPartsProgressItem, syncSettingsItem } from '../storage';
import type { SyncDefaults } from './config';
import { loadSyncConfig } from './load-config';
import { migrateLegacyFeed } from './migrate-legacy-feed';
import { moveLocalFeed } from './move-local-feed';
import { createBundledChunkedPacker, packWithBundledSynonyms } from './pack-feed';
import { readPartsProgress } from './parts-progress';
import type { FeedStaging } from './sync-parts';
import type { SyncState, SyncTrigger } from './state';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, syncOnce, type SyncStore } from './sync-once';

export const SYNC_ALARM = 'sync.catalogue';
/**
 * A one-shot alarm while a sync in parts is unfinished (issue 22): a service worker the browser
 * stopped mid-sync is woken by it and the sync continues from its recorded part, hours before
 * the next scheduled check.
 */
export const SYNC_RESUME_ALARM = 'sync.resume';
const RESUME_AFTER_MINUTES = 2;
/** The alarm's name up to 0.1.0; cleared so that it stops firing after the update. */
const LEGACY_SYNC_ALARM = 'catalogue-sync';

export interface SyncOptions {
  timeoutMs?: number;
  maxBytes?: number;
  defaults?: SyncDefaults;
  /** Stops a sync in parts between two parts (tests: a service worker stopped mid-sync). */
  signal?: AbortSignal;
}

/**
 * Keeps exactly one repeating alarm at the configured interval. Called before every attempt,
 * so that whatever the attempt ends in, the next one is already scheduled.
 */
async function scheduleNextSync(alarms: BackgroundAdapters['alarms'], intervalHours: number): Promise<void> {
  const periodInMinutes = intervalHours * 60;
  const existing = await alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await alarms.create(SYNC_ALARM, { delayInMinutes: periodInMinutes, periodInMinutes });
}

/**
 * One attempt at a time, and none lost: a trigger while an attempt runs queues exactly one more
 * (the settings may just have changed); further triggers join that queued one. The first
 * attempt waits for the stored 0.1.0 feed (if any) to be packed, and for a feed stored in
 * storage.local before issue 22 to be moved into IndexedDB.
 */
export function createSyncRunner(adapters: BackgroundAdapters, options: SyncOptions = {}) {
  const store: SyncStore = {
    readFeed: () => adapters.storage.feed.read(),
    writeFeed: (packed, meta, source) => adapters.storage.feed.write(packed, meta, source),
    readFeedSource: () => adapters.storage.feed.readSource(),
    annotateFeed: (meta) => adapters.storage.feed.annotate(meta),
    removeFeed: () => adapters.storage.feed.remove(),
    readState: () => adapters.storage.syncState.read(),
    writeState: (state) => adapters.storage.syncState.write(state),
  };
  // The feed in parts (issue 22): staged in the feed store, progress in its own versioned item.
  const staging: FeedStaging = {
    stage: (id) => adapters.storage.feed.stage(id),
    dropStagedExcept: (id) => adapters.storage.feed.dropStagedExcept(id),
    readSourcePart: (at) => adapters.storage.feed.readSourcePart(at),
    readProgress: async () => readPartsProgress(await feedPartsProgressItem.getValue()),
    writeProgress: (progress) => feedPartsProgressItem.setValue(progress),
  };
  let last: Promise<unknown> = migrateLegacyFeed({ legacy: adapters.storage.legacyFeed, store: adapters.storage.feed, pack: packWithBundledSynonyms })
    .catch((error: unknown) => console.error('sync: the stored feed could not be packed yet', error))
    .then(() => moveLocalFeed(adapters.storage.feed, adapters.storage.localFeed))
    .catch((error: unknown) => console.error('sync: the stored feed could not be moved to IndexedDB yet', error));
  let queued: Promise<SyncState> | null = null;

  async function attempt(trigger: SyncTrigger): Promise<SyncState> {
    const config = await loadSyncConfig(options.defaults);
    await scheduleNextSync(adapters.alarms, config.refreshIntervalHours);
    // Armed before the attempt: if the worker is stopped during it, the alarm wakes it again.
    await adapters.alarms.create(SYNC_RESUME_ALARM, { delayInMinutes: RESUME_AFTER_MINUTES });
    const state = await syncOnce(
      {
        fetch: adapters.fetch,
        now: () => adapters.clock.now(),
        store,
        bundled: await adapters.catalogue.bundledHeader(),
        pack: packWithBundledSynonyms,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        parts: { staging, makePacker: createBundledChunkedPacker },
        signal: options.signal,
      },
      config,
      trigger,
    );
    // Nothing left to continue (done, or dropped): no wake-up. Unfinished (a network failure mid-way): the alarm stays.
    if ((await staging.readProgress()) === null) await adapters.alarms.clear(SYNC_RESUME_ALARM);
    return state;
  }

  return {
    run(trigger: SyncTrigger): Promise<SyncState> {
      if (queued) return queued;
      const next = last
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return attempt(trigger);
        });
      queued = next;
      last = next;
      return next;
    },
  };
}

/**
 * Wires the sync into the background: on install, on browser start, on the alarm, on demand
 * ("Päivitä nyt") and when the options page or the policy changes the feed. Listeners are registered
 * synchronously (an MV3 service worker woken by an event must find them at once).
 */
export function setupSyncBackground(adapters: BackgroundAdapters, options: SyncOptions = {}) {
  const runner = createSyncRunner(adapters, options);
  const runInBackground = (trigger: SyncTrigger) => {
    runner.run(trigger).catch((error: unknown) => console.error('catalogue sync failed', error));
  };
  browser.runtime.onInstalled.addListener(() => runInBackground('install'));
  browser.runtime.onStartup.addListener(() => runInBackground('startup'));
  adapters.alarms.on(SYNC_ALARM, () => runInBackground('alarm'));
  adapters.alarms.on(SYNC_RESUME_ALARM, () => runInBackground('alarm'));
  void adapters.alarms.clear(LEGACY_SYNC_ALARM).catch(() => undefined);
  handleMessage('sync.refreshNow', () => runner.run('manual'));
  syncSettingsItem.watch(() => runInBackground('settings'));
  // An administrator's new policy (feed, keys, interval) applies at once, not after 6 hours.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') runInBackground('settings');
  });
  return runner;
}
