import { storage } from '#imports';
import { buildSyncDefaults } from './build-defaults';
import { syncSettingsSchema, type SyncSettings } from './config';
import { syncSettingsV2 } from './settings-form';
import { INITIAL_SYNC_STATE, migrateStoredFeedV1, readStoredFeed, readSyncState, storedFeedV2, type StoredFeed, type SyncState } from './state';
import type { SyncStore } from './sync-once';

/**
 * The sync feature's stored items. Every read goes through zod (storage is a trust boundary:
 * an older version, another extension build or a hand edit may have left anything there).
 */
export const syncSettingsItem = storage.defineItem<SyncSettings>('local:syncSettings', {
  fallback: {},
  // v2: only what the nurse changed is stored; v1 saved the build's defaults along with it.
  version: 2,
  migrations: { 2: (v1: unknown) => syncSettingsV2(v1, buildSyncDefaults()) },
});

/**
 * The accepted feed catalogue with its ETag, written in one `set` so the swap is atomic.
 * Version 3: the catalogue inside is schemaVersion 2 (issue14); a stored schemaVersion 1
 * catalogue is upgraded once, by the same upgrade a v1 feed gets.
 */
export const feedCatalogueItem = storage.defineItem<StoredFeed | null>('local:feedCatalogue', {
  fallback: null,
  // v2 records the key that signed the feed (`signerKey`); v3: its catalogue is schemaVersion 2.
  version: 3,
  migrations: { 2: storedFeedV2, 3: migrateStoredFeedV1 },
});

export const syncStateItem = storage.defineItem<SyncState>('local:syncState', {
  fallback: { ...INITIAL_SYNC_STATE },
  version: 1,
  // v1 is the first shape; a later one adds its step here. Read through zod either way.
  migrations: {},
});

export async function readSyncSettings(): Promise<SyncSettings> {
  const parsed = syncSettingsSchema.safeParse(await syncSettingsItem.getValue());
  return parsed.success ? parsed.data : {};
}

export const browserSyncStore: SyncStore = {
  readFeed: async () => readStoredFeed(await feedCatalogueItem.getValue()),
  writeFeed: (feed) => feedCatalogueItem.setValue(feed),
  readState: async () => readSyncState(await syncStateItem.getValue()),
  writeState: (state) => syncStateItem.setValue(state),
};
