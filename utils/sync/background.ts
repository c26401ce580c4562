import { browser } from '#imports';
import { bundledBaseline } from './bundled-baseline';
import type { SyncDefaults } from './config';
import { loadSyncConfig } from './load-config';
import { onSyncMessage } from './messaging';
import type { SyncState, SyncTrigger } from './state';
import { browserSyncStore, syncSettingsItem } from './storage';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, syncOnce, type SyncDependencies } from './sync-once';

export const SYNC_ALARM = 'catalogue-sync';

export interface SyncRunnerOptions {
  fetch?: SyncDependencies['fetch'];
  now?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  defaults?: SyncDefaults;
}

/**
 * Keeps exactly one repeating alarm at the configured interval. Called before every attempt,
 * so that whatever the attempt ends in, the next one is already scheduled.
 */
export async function scheduleNextSync(intervalHours: number): Promise<void> {
  const periodInMinutes = intervalHours * 60;
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: periodInMinutes, periodInMinutes });
}

/**
 * One attempt at a time, and none lost: a trigger while an attempt runs queues exactly one more
 * (the settings may just have changed); further triggers join that queued one.
 */
export function createSyncRunner(options: SyncRunnerOptions = {}) {
  let last: Promise<unknown> = Promise.resolve();
  let queued: Promise<SyncState> | null = null;
  const bundled = bundledBaseline();

  async function attempt(trigger: SyncTrigger): Promise<SyncState> {
    const config = await loadSyncConfig(options.defaults);
    await scheduleNextSync(config.refreshIntervalHours);
    return syncOnce(
      {
        fetch: options.fetch ?? ((input, init) => fetch(input, init)),
        now: options.now ?? Date.now,
        store: browserSyncStore,
        bundled,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      },
      config,
      trigger,
    );
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
export function setupSyncBackground(options: SyncRunnerOptions = {}) {
  const runner = createSyncRunner(options);
  const runInBackground = (trigger: SyncTrigger) => {
    runner.run(trigger).catch((error: unknown) => console.error('catalogue sync failed', error));
  };
  browser.runtime.onInstalled.addListener(() => runInBackground('install'));
  browser.runtime.onStartup.addListener(() => runInBackground('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) runInBackground('alarm');
  });
  onSyncMessage('sync.refreshNow', () => runner.run('manual'));
  syncSettingsItem.watch(() => runInBackground('settings'));
  // An administrator's new policy (feed, keys, interval) applies at once, not after 6 hours.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') runInBackground('settings');
  });
  return runner;
}
