import { storage, type StorageItemKey } from '#imports';
import { FEED_POINTER_KEY, packedFeedPartKeys } from './catalogue/feed-keys';
import type { PackedFeedPointer } from './catalogue/in-use';
import type { Preferences } from './preferences';
import { DEFAULT_PREFERENCES } from './preferences';
import type { CurrentNote } from './handoff/current-note';
import type { InsertOutcome } from './handoff/insert-outcome';
import { EMPTY_PICK_LIST, type PickList } from './handoff/pick-list';
import { outboxV2 } from './reports/outbox-v2';
import type { HomeSitesSetting } from './sessions/home-sites';
import { buildSyncDefaults } from './sync/build-defaults';
import type { SyncSettings } from './sync/config';
import { syncSettingsV2 } from './sync/settings-form';
import type { PartsProgress } from './sync/parts-progress';
import { migrateStoredFeedV1, storedFeedV2, type SyncState } from './sync/state';

/**
 * The storage registry: every item the extension stores, in this one file, each with a
 * version and its migrations (tests/unit/meta.test.ts keeps it so). Values are read back
 * through each feature's zod reader (storage is a trust boundary). Nothing here holds a
 * query, a patient detail or anything typed into the search box.
 *
 * Adding a version: bump `version` and add `migrations[n]` that turns the v(n-1) value into
 * the vn value (WXT runs them in order when the item is first used).
 */

/** Her city filter and languages (utils/preferences.ts). */
export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: { ...DEFAULT_PREFERENCES },
  version: 1,
  migrations: {},
});

/** Her own site(s) for the info-session banner and badge (utils/sessions/home-sites.ts). */
export const homeSitesItem = storage.defineItem<HomeSitesSetting>('local:homeSites', {
  fallback: { siteIds: [], dismissed: false },
  version: 1,
  migrations: {},
});

/** The feed settings saved on the options page (below policy; utils/sync/config.ts). */
export const syncSettingsItem = storage.defineItem<SyncSettings>('local:syncSettings', {
  fallback: {},
  // v2: only what the nurse changed is stored; v1 saved the build's defaults along with it.
  version: 2,
  migrations: { 2: (v1: unknown) => syncSettingsV2(v1, buildSyncDefaults()) },
});

/** The last sync attempt and the last success (utils/sync/state.ts). */
export const syncStateItem = storage.defineItem<SyncState | null>('local:syncState', {
  fallback: null,
  version: 1,
  migrations: {},
});

// The key is written out (the meta test reads every item's key from this file); the type checks
// that it is the one the bench writes under (utils/catalogue/feed-keys.ts).
const _feedPointerKey: `local:${typeof FEED_POINTER_KEY}` = 'local:feedPacked';

/**
 * The synced feed catalogue in use: a pointer to its packed form (index + record shards under
 * the keys below), written last, so that readers see the old revision or the new one whole.
 */
export const feedPointerItem = storage.defineItem<PackedFeedPointer | null>('local:feedPacked', {
  fallback: null,
  version: 1,
  migrations: {},
});

/**
 * How far a sync of the feed in parts got (utils/sync/parts-progress.ts): written after each part,
 * read when the next attempt starts (a service worker stopped mid-sync continues from it).
 */
export const feedPartsProgressItem = storage.defineItem<PartsProgress | null>('local:feedPartsProgress', {
  fallback: null,
  version: 1,
  migrations: {},
});

/**
 * Up to 0.1.0 the accepted feed catalogue itself (with acceptedAt and ETag) was stored here
 * and packed again at every popup open. Only the background reads it, once, to pack it and
 * store it the new way (utils/sync/migrate-legacy-feed.ts); then it is removed.
 */
export const legacyFeedItem = storage.defineItem<unknown>('local:feedCatalogue', {
  fallback: null,
  // v2 (issue 12) records the key that signed the feed (`signerKey`); the packed pointer keeps it.
  // v3 (issue 14): the catalogue inside is schemaVersion 2; a stored schemaVersion 1 one is
  // upgraded once, by the same upgrade a v1 feed gets.
  version: 3,
  migrations: { 2: storedFeedV2, 3: migrateStoredFeedV1 },
});

/** Stale-contact reports waiting or delivered: public catalogue facts and her remarks only. */
export const reportOutboxItem = storage.defineItem<unknown>('local:reportOutbox', {
  fallback: [],
  // v2 (issue 19): each entry has `followUp`, the maintainer's answer (utils/reports/outbox-v2.ts).
  // WXT checks the stored version: a list written by a newer version is left as it is (never
  // rewritten down), and its entries this version cannot read are quarantined, not dropped (readOutbox).
  version: 2,
  migrations: { 2: outboxV2 },
});

/** The options page's report endpoint (below policy, above the catalogue's). */
export const reportSettingsItem = storage.defineItem<unknown>('local:reportSettings', {
  fallback: {},
  version: 1,
  migrations: {},
});

/**
 * The hand-off's items (docs/handoff.md) live in `storage.session` only (memory, never written to
 * disk, gone when the browser closes) and hold public catalogue facts, never the patient.
 */

/** The services she picked for this visit (utils/handoff/pick-list.ts). */
export const pickListItem = storage.defineItem<PickList>('session:pickList', {
  fallback: EMPTY_PICK_LIST,
  version: 1,
  migrations: {},
});

/** The note the context menu and the keyboard command insert (utils/handoff/current-note.ts). */
export const currentNoteItem = storage.defineItem<CurrentNote | null>('session:currentNote', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** What happened at the last insertion attempt, for the popup to tell her (then cleared). */
export const insertOutcomeItem = storage.defineItem<InsertOutcome | null>('session:insertOutcome', {
  fallback: null,
  version: 1,
  migrations: {},
});

/**
 * Keys of a packed feed revision's parts (not items: their number depends on the feed). Each
 * revision is written under its own id, so a new one never overwrites the one in use.
 */
export const packedFeedKeys = {
  prefix: packedFeedPartKeys.prefix,
  index: (id: string): StorageItemKey => `local:${packedFeedPartKeys.index(id)}`,
  shard: (id: string, shard: number): StorageItemKey => `local:${packedFeedPartKeys.shard(id, shard)}`,
  /** The accepted catalogue's JSON text in parts: what the next delta applies to (issue 22). */
  source: (id: string, part: number): StorageItemKey => `local:${packedFeedPartKeys.source(id, part)}`,
};
