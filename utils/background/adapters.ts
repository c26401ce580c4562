import { browser, type Browser } from '#imports';
import { createStoragePackedFeedStore, legacyFeedStore, localFeedParts, type LocalFeedParts, type PackedFeedStore } from '../catalogue/feed-store';
import type { CatalogueHeader } from '../catalogue/in-use';
import { readBundledHeader, readSessionsInUse } from '../catalogue/open';
import type { OutboxStorage } from '../reports/outbox';
import type { SessionCatalogue } from '../sessions/sessions-on';
import { reportOutboxItem, syncStateItem } from '../storage';
import type { FetchLike } from '../sync/fetch-limited';
import { readSyncState, type SyncState } from '../sync/state';

/**
 * What the background's features get from the browser, built once in
 * entrypoints/background.ts and handed to each feature's setup. Tests build their own
 * (a fake clock, a local server's fetch) with `createBrowserAdapters({ … })`.
 */
interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Alarm names are `<feature>.<what>`, each with one listener (tests/unit/meta.test.ts). */
export const ALARM_NAME = /^(sync|reports|sessions|handoff)\.[a-z][a-zA-Z]*$/;

interface Alarms {
  /** Registers the one listener of an alarm name. */
  on(name: string, listener: () => void): void;
  create(name: string, info: Browser.alarms.AlarmCreateInfo): Promise<void>;
  clear(name: string): Promise<void>;
  get(name: string): Promise<Browser.alarms.Alarm | undefined>;
}

export interface BackgroundAdapters {
  fetch: FetchLike;
  clock: Clock;
  alarms: Alarms;
  storage: {
    feed: PackedFeedStore;
    legacyFeed: { read(): Promise<unknown>; remove(): Promise<void> };
    /** A packed feed's parts in storage.local, as versions before issue 22 kept them (moved once). */
    localFeed: LocalFeedParts;
    syncState: { read(): Promise<SyncState>; write(state: SyncState): Promise<void> };
    outbox: OutboxStorage;
  };
  catalogue: {
    /** The header of the catalogue packed into this build: no feed may go below it. */
    bundledHeader(): Promise<CatalogueHeader>;
    /** The sites and info sessions of the catalogue in use (the sessions badge), undefined if none can be read. */
    sessions(): Promise<SessionCatalogue | undefined>;
  };
}

function createAlarms(): Alarms {
  const listeners = new Map<string, () => void>();
  browser.alarms.onAlarm.addListener((alarm) => listeners.get(alarm.name)?.());
  return {
    on(name, listener) {
      if (!ALARM_NAME.test(name)) throw new Error(`alarm ${name}: names are <feature>.<what>`);
      if (listeners.has(name)) throw new Error(`alarm ${name} already has a listener`);
      listeners.set(name, listener);
    },
    create: async (name, info) => {
      await browser.alarms.create(name, info);
    },
    clear: async (name) => {
      await browser.alarms.clear(name);
    },
    get: (name) => browser.alarms.get(name),
  };
}

export function createBrowserAdapters(overrides: Partial<Omit<BackgroundAdapters, 'storage' | 'catalogue'>> & {
  storage?: Partial<BackgroundAdapters['storage']>;
  catalogue?: Partial<BackgroundAdapters['catalogue']>;
} = {}): BackgroundAdapters {
  return {
    fetch: overrides.fetch ?? ((input, init) => fetch(input, init)),
    clock: overrides.clock ?? { now: () => Date.now() },
    alarms: overrides.alarms ?? createAlarms(),
    storage: {
      feed: createStoragePackedFeedStore(),
      legacyFeed: legacyFeedStore,
      localFeed: localFeedParts,
      syncState: {
        read: async () => readSyncState(await syncStateItem.getValue()),
        write: (state) => syncStateItem.setValue(state),
      },
      outbox: {
        load: () => reportOutboxItem.getValue(),
        save: (entries: unknown[]) => reportOutboxItem.setValue(entries),
      },
      ...overrides.storage,
    },
    catalogue: { bundledHeader: readBundledHeader, sessions: () => readSessionsInUse(), ...overrides.catalogue },
  };
}
