import { storage } from '#imports';
import { syncSettingsSchema, type SyncSettings } from './config';
import { INITIAL_SYNC_STATE, migrateStoredFeedV1, readStoredFeed, readSyncState, type StoredFeed, type SyncState } from './state';
import type { SyncStore } from './sync-once';

/**
 * The sync feature's stored items. Every read goes through zod (storage is a trust boundary:
 * an older version, another extension build or a hand edit may have left anything there).
 */
export const syncSettingsItem = storage.defineItem<SyncSettings>('local:syncSettings', {
  fallback: {},
  version: 1,
});

/**
 * The accepted feed catalogue with its ETag, written in one `set` so the swap is atomic.
 * Version 2: the catalogue inside is schemaVersion 2 (issue14); a stored v1 catalogue is
 * upgraded once, on first read after the update, by the same upgrade a v1 feed gets.
 */
export const feedCatalogueItem = storage.defineItem<StoredFeed | null>('local:feedCatalogue', {
  fallback: null,
  version: 2,
  migrations: { 2: migrateStoredFeedV1 },
});

export const syncStateItem = storage.defineItem<SyncState>('local:syncState', {
  fallback: { ...INITIAL_SYNC_STATE },
  version: 1,
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
