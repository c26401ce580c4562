import { storage } from '#imports';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { summariseSync } from '@/components/sync/sync-summary';
import { createStoragePackedFeedStore, legacyFeedStore } from '@/utils/catalogue/feed-store';
import { chooseCatalogue, readCatalogueHeader, readFeedPointer, type PackedFeedPointer } from '@/utils/catalogue/in-use';
import { createTranslator } from '@/utils/i18n/messages';
import { feedPointerItem, legacyFeedItem, syncStateItem } from '@/utils/storage';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { readSyncSettings } from '@/utils/sync/load-config';
import { migrateLegacyFeed } from '@/utils/sync/migrate-legacy-feed';
import { INITIAL_SYNC_STATE, readSyncState, type SyncState } from '@/utils/sync/state';
import { feedCatalogue, NEW_SERVICE_NAME, NEW_SERVICE_QUERY } from './sync-fixtures';
import { bundledHeader, catalogueInUse, searchInUse } from './sync-browser-fixtures';
import { failIndexedDbWrites, storedParts } from './feed-db-helpers';

const pointer = (revision: number, region?: string): PackedFeedPointer => ({
  id: `r${revision}-test`,
  header: { ...bundledHeader(), revision, ...(region ? { region } : {}) },
  shardCount: 1,
  acceptedAt: '2026-11-22T08:14:00.000Z',
  etag: '"abc"',
  signerKey: 'MFkw-the-signing-key',
});
const ACCEPTED = { acceptedAt: '2026-11-22T08:14:00.000Z', etag: '"abc"', signerKey: 'MFkw-the-signing-key' };
const storedKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('packed.'));

describe('sync storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it("what version 1 writes is read as version 1 by a later version's migration", async () => {
    // Values stored without a version mark are read by WXT as v1; this pins that today's
    // values will reach a future `migrations[2]` intact.
    await syncStateItem.setValue({ ...INITIAL_SYNC_STATE, outcome: 'notModified', bytes: 12 });
    const seen: unknown[] = [];
    const future = storage.defineItem<SyncState & { next: boolean }>('local:syncState', {
      fallback: { ...INITIAL_SYNC_STATE, next: true },
      version: 2,
      migrations: { 2: (v1: SyncState) => (seen.push(v1), { ...v1, next: true }) },
    });
    expect(await future.getValue()).toMatchObject({ outcome: 'notModified', bytes: 12, next: true });
    expect(seen).toHaveLength(1);
    expect(await future.getMeta()).toEqual({ v: 2 });
  });

  it('a tampered or broken stored value is never used: bundled catalogue, initial state, default settings', async () => {
    await fakeBrowser.storage.local.set({ feedPacked: { ...pointer(9), id: '../x' }, syncState: { outcome: 'great' }, syncSettings: { feedUrl: 42, refreshIntervalHours: 3 } });
    expect(readFeedPointer(await feedPointerItem.getValue())).toBeNull();
    expect((await catalogueInUse()).source).toBe('bundled');
    expect(readSyncState(await syncStateItem.getValue())).toEqual(INITIAL_SYNC_STATE);
    expect(await readSyncSettings()).toEqual({ refreshIntervalHours: 3 });
    expect(readSyncState('garbage')).toEqual(INITIAL_SYNC_STATE);
    expect(readFeedPointer({ ...pointer(9), header: { region: 'vake' } })).toBeNull();
    expect(readFeedPointer({ ...pointer(9), header: { ...pointer(9).header, maintainer: { name: 'X', email: 42 } } })).toBeNull();
  });

  it('a schemaVersion 2 header reads as the schema allows: the maintainer by name, e-mail and report address optional', () => {
    const header = { region: 'vake', revision: 9, publishedAt: '2026-12-03T08:24:42Z', maintainer: { name: 'VAKE järjestöyhteistyö' } };
    expect(readCatalogueHeader(header)).toEqual(header);
    expect(readFeedPointer({ ...pointer(9), header })?.header).toEqual(header);
    const withAddresses = { ...header, maintainer: { name: 'VAKE', email: 'a@example.fi', reportUrl: 'https://example.fi/r' } };
    expect(readCatalogueHeader(withAddresses)).toEqual(withAddresses);
  });

  it('the one rule: a stored feed is used only when newer than the bundled catalogue and of its region', () => {
    const bundled = bundledHeader();
    expect(chooseCatalogue(bundled, pointer(bundled.revision + 1)).source).toBe('feed');
    // An extension update that ships a newer catalogue wins over an older feed.
    expect(chooseCatalogue({ ...bundled, revision: 50 }, pointer(10)).source).toBe('bundled');
    expect(chooseCatalogue(bundled, pointer(bundled.revision + 1, 'hus')).source).toBe('bundled');
  });
});

describe('the packed feed in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('switches revisions atomically: the new one whole before the pointer moves, the old one removed after', async () => {
    const store = createStoragePackedFeedStore();
    const first = await store.write(packWithBundledSynonyms(feedCatalogue(5)), ACCEPTED);
    expect(await storedParts()).toHaveLength(first.shardCount + 2);
    // Nothing of the feed is in storage.local but the pointer.
    expect(await storedKeys()).toEqual([]);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);

    const pointerAtWrite: unknown[] = [];
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      pointerAtWrite.push(fakeBrowser.storage.local.get('feedPacked'));
      return put.apply(this, args);
    });
    const second = await store.write(packWithBundledSynonyms(feedCatalogue(6, { withNewService: false })), { ...ACCEPTED, acceptedAt: '2026-11-23T08:14:00.000Z' });
    vi.restoreAllMocks();
    // While the new parts were written, the old revision was still the one in use.
    expect(new Set((await Promise.all(pointerAtWrite)).map((value) => (value as { feedPacked: PackedFeedPointer }).feedPacked.id))).toEqual(new Set([first.id]));
    expect(await store.read()).toEqual(second);
    const parts = await storedParts();
    expect(parts.every((key) => key.startsWith(`${second.id}/`))).toBe(true);
    expect(parts).toHaveLength(second.shardCount + 2);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0] ?? '').not.toContain(NEW_SERVICE_NAME);
  });

  it('a failed write keeps the old revision in use and leaves none of the new one behind', async () => {
    const store = createStoragePackedFeedStore();
    const first = await store.write(packWithBundledSynonyms(feedCatalogue(5)), ACCEPTED);
    const before = await storedParts();
    // The index goes in; the first shard hits a full disk.
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++writes === 3) throw new DOMException('QUOTA_BYTES quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(store.write(packWithBundledSynonyms(feedCatalogue(6)), { ...ACCEPTED, acceptedAt: '2026-11-23T08:14:00.000Z' })).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await store.read()).toEqual(first);
    expect(await storedParts()).toEqual(before);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
  });
});

describe('a feed stored by 0.1.0 (the whole catalogue) after the update', () => {
  beforeEach(() => fakeBrowser.reset());
  const deps = () => ({ legacy: legacyFeedStore, store: createStoragePackedFeedStore(), pack: packWithBundledSynonyms });

  it('is packed once in the background, then removed: the same catalogue stays in use, ETag and time kept', async () => {
    await legacyFeedItem.setValue({ catalogue: feedCatalogue(7), ...ACCEPTED });
    expect(await migrateLegacyFeed(deps())).toBe('packed');
    const inUse = await catalogueInUse();
    expect(inUse).toMatchObject({ source: 'feed', acceptedAt: ACCEPTED.acceptedAt, header: { revision: 7 } });
    expect(inUse.feed?.etag).toBe('"abc"');
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    expect(await legacyFeedItem.getValue()).toBeNull();
    expect(await migrateLegacyFeed(deps())).toBe('none');
  });

  it('if packing or storing fails, the stored feed stays for the next wake: nothing is lost', async () => {
    await legacyFeedItem.setValue({ catalogue: feedCatalogue(7), ...ACCEPTED });
    failIndexedDbWrites();
    await expect(migrateLegacyFeed(deps())).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await legacyFeedItem.getValue()).not.toBeNull();
    expect(await migrateLegacyFeed(deps())).toBe('packed');
  });
});

describe('what the popup footer says', () => {
  const t = createTranslator('fi');
  const active = chooseCatalogue(bundledHeader(), pointer(42));
  const base: SyncState = { ...INITIAL_SYNC_STATE, lastAttemptAt: '2026-11-22T08:14:00.000Z', trigger: 'alarm' };

  it('the time of the last success in Helsinki, and the version', () => {
    const summary = summariseSync(t, 'fi', { ...base, outcome: 'notModified', lastSuccessAt: '2026-11-22T08:14:00.000Z' }, active);
    expect(summary).toEqual({ updated: 'Tiedot päivitetty 22.11.2026 klo 10.14 · versio 42', failure: null });
  });

  it('a failure in plain Finnish with the last success, or that there was none', () => {
    const failed = { ...base, outcome: 'failed' as const, reason: 'timeout' as const, lastSuccessAt: '2026-11-21T08:00:00.000Z' };
    expect(summariseSync(t, 'fi', failed, active).failure).toBe(
      'Luettelon päivitys epäonnistui: palvelin ei vastannut ajoissa. Aiemmat tiedot ovat yhä käytössä. Viimeksi onnistunut päivitys 21.11.2026 klo 10.00.',
    );
    expect(summariseSync(t, 'fi', { ...failed, lastSuccessAt: null }, active).failure).toContain('Päivitys ei ole vielä kertaakaan onnistunut.');
    expect(summariseSync(createTranslator('sv'), 'sv', failed, active).failure).toContain('servern svarade inte i tid');
  });

  it('nothing when no feed is configured or nothing was tried', () => {
    expect(summariseSync(t, 'fi', { ...base, outcome: 'failed', reason: 'notConfigured' }, active)).toEqual({ updated: null, failure: null });
    expect(summariseSync(t, 'fi', INITIAL_SYNC_STATE, active)).toEqual({ updated: null, failure: null });
  });
});
