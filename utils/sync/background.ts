import { browser } from '#imports';
import { readPolicy } from '../policy/read';
import { buildSyncDefaults } from './build-defaults';
import { bundledBaseline } from './bundled-baseline';
import { resolveSyncConfig, type SyncConfig, type SyncDefaults } from './config';
import { onSyncMessage } from './messaging';
import type { SyncState, SyncTrigger } from './state';
import { browserSyncStore, readSyncSettings, syncSettingsItem } from './storage';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, syncOnce, type SyncDependencies } from './sync-once';

export const SYNC_ALARM = 'catalogue-sync';

export interface SyncRunnerOptions {
  fetch?: SyncDependencies['fetch'];
  now?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  defaults?: SyncDefaults;
}

export async function loadSyncConfig(defaults: SyncDefaults = buildSyncDefaults()): Promise<SyncConfig> {
  const [{ policy }, settings] = await Promise.all([readPolicy(), readSyncSettings()]);
  return resolveSyncConfig(policy, settings, defaults);
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

/** One attempt at a time: a second trigger while one runs gets the running one's result. */
export function createSyncRunner(options: SyncRunnerOptions = {}) {
  let running: Promise<SyncState> | null = null;
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
      running ??= attempt(trigger).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/**
 * Wires the sync into the background: on install, on browser start, on the alarm, on demand
 * ("Päivitä nyt") and when the options page changes the feed. Listeners are registered
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
  return runner;
}
