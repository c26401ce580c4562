import { storage } from '#imports';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStoragePackedFeedStore, localFeedParts } from '@/utils/catalogue/feed-store';
import { feedPartKey } from '@/utils/catalogue/feed-keys';
import { revisionId } from '@/utils/catalogue/ids';
import { readFeedPointer, type PackedFeedPointer } from '@/utils/catalogue/in-use';
import { openChosen } from '@/utils/catalogue/open';
import { toBinaryIndex } from '@/utils/search/compact/binary-index';
import { memoryRecords } from '@/utils/search/compact/records';
import { openSearchIndex, type SearchIndex } from '@/utils/search/search-index';
import { rankServices } from '@/utils/search/search';
import { feedPointerItem, packedFeedKeys } from '@/utils/storage';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { moveLocalFeed } from '@/utils/sync/move-local-feed';
import { failIndexedDbWrites, storedPart, storedParts } from './feed-db-helpers';
import { readJson } from './helpers';
import { catalogueInUse, searchInUse } from './sync-browser-fixtures';
import { feedCatalogue, NEW_SERVICE_NAME, NEW_SERVICE_QUERY } from './sync-fixtures';

const META = { acceptedAt: '2026-12-07T08:00:00.000Z', etag: '"e1"', signerKey: 'MFkw-key' };
const LATER = { ...META, acceptedAt: '2026-12-08T08:00:00.000Z', etag: '"e2"' };

/** Stages a packed catalogue part by part, as the chunked sync does, without committing. */
async function stageWhole(store: ReturnType<typeof createStoragePackedFeedStore>, id: string, revision: number, options: { withNewService?: boolean } = {}) {
  const packed = packWithBundledSynonyms(feedCatalogue(revision, options));
  const staged = store.stage(id);
  await staged.putIndex(packed.index);
  for (const [at, shard] of packed.shards.entries()) await staged.putShard(at, shard);
  await staged.putSourcePart(0, 'text of the catalogue');
  return { staged, packed, counts: { shardCount: packed.shards.length, sourceParts: 1 } };
}

describe('the staged feed store (IndexedDB)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the revision in use stays readable until commit, which switches atomically and then removes the old one', async () => {
    const store = createStoragePackedFeedStore();
    const first = await store.write(packWithBundledSynonyms(feedCatalogue(5)), META, 'first text');
    const { staged, counts } = await stageWhole(store, 'r6-staged', 6, { withNewService: false });
    // Staged whole, not committed: the popup and the delta still see revision 5.
    expect(await store.read()).toEqual(first);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    expect(await store.readSourcePart(0)).toBe('first text');

    const pointer = await staged.commit(LATER, counts);
    expect(pointer).toMatchObject({ id: 'r6-staged', header: { revision: 6 }, store: 'indexeddb', sourceParts: 1, etag: '"e2"' });
    expect(await store.read()).toEqual(pointer);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0] ?? '').not.toContain(NEW_SERVICE_NAME);
    expect(await store.readSourcePart(0)).toBe('text of the catalogue');
    expect(await store.readSourcePart(1)).toBeNull();
    expect((await storedParts()).every((key) => key.startsWith('r6-staged/'))).toBe(true);
  });

  it('commit refuses an incomplete revision and switches nothing', async () => {
    const store = createStoragePackedFeedStore();
    const first = await store.write(packWithBundledSynonyms(feedCatalogue(5)), META);
    const { staged, counts } = await stageWhole(store, 'r6-gap', 6);
    await expect(staged.commit(LATER, { ...counts, shardCount: counts.shardCount + 1 })).rejects.toThrow(/shards, the index says/);
    await expect(staged.commit(LATER, { ...counts, sourceParts: 2 })).rejects.toThrow(/source part 1 missing/);
    const noIndex = store.stage('r7-no-index');
    await noIndex.putShard(0, { services: [], organisations: [] });
    await expect(noIndex.commit(LATER, { shardCount: 1, sourceParts: 0 })).rejects.toThrow(/index is missing/);
    expect(await store.read()).toEqual(first);
  });

  it('abort removes everything written under the id and nothing else; the revision in use cannot be aborted', async () => {
    const store = createStoragePackedFeedStore();
    const first = await store.write(packWithBundledSynonyms(feedCatalogue(5)), META);
    const before = await storedParts();
    const { staged } = await stageWhole(store, 'r6-aborted', 6);
    expect((await storedParts()).length).toBeGreaterThan(before.length);
    await staged.abort();
    expect(await storedParts()).toEqual(before);
    expect(await store.read()).toEqual(first);
    await expect(store.stage(first.id).abort()).rejects.toThrow(/in use/);
    expect(await storedParts()).toEqual(before);
  });

  it('a stage resumed under the same id continues from written(); writing a part again changes nothing', async () => {
    const store = createStoragePackedFeedStore();
    const packed = packWithBundledSynonyms(feedCatalogue(6));
    const shardCount = packed.shards.length;
    expect(shardCount).toBeGreaterThan(2);
    const before = store.stage('r6-resumed');
    expect(await before.written()).toEqual({ shards: [], index: false, sourceParts: [] });
    await before.putShard(0, packed.shards[0]!);
    await before.putShard(2, packed.shards[2]!);
    await before.putSourcePart(0, 'a');
    // The service worker stops here; a new one stages the same id.
    const resumed = createStoragePackedFeedStore().stage('r6-resumed');
    const done = await resumed.written();
    expect(done).toEqual({ shards: [0, 2], index: false, sourceParts: [0] });
    await resumed.putIndex(packed.index);
    for (let at = 0; at < shardCount; at++) if (!done.shards.includes(at)) await resumed.putShard(at, packed.shards[at]!);
    await resumed.putShard(0, packed.shards[0]!);
    expect((await resumed.written()).shards).toEqual(Array.from({ length: shardCount }, (_, at) => at));
    await resumed.commit(META, { shardCount, sourceParts: 1 });
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
  });

  it('dropStagedExcept removes orphans of a crash, keeping the revision in use and the one named', async () => {
    const store = createStoragePackedFeedStore();
    const inUse = await store.write(packWithBundledSynonyms(feedCatalogue(5)), META);
    await stageWhole(store, 'r6-orphan', 6);
    await stageWhole(store, 'r7-resuming', 7);
    await store.stage('r8-orphan').putShard(3, { services: [], organisations: [] });
    await store.dropStagedExcept('r7-resuming');
    const ids = new Set((await storedParts()).map((key) => key.split('/')[0]));
    expect(ids).toEqual(new Set([inUse.id, 'r7-resuming']));
    await store.dropStagedExcept(null);
    expect(new Set((await storedParts()).map((key) => key.split('/')[0]))).toEqual(new Set([inUse.id]));
    expect(await store.read()).toEqual(inUse);
  });

  it('the synced index is stored binary (typed arrays, no base64) and the shards and text as they are', async () => {
    const store = createStoragePackedFeedStore();
    const pointer = await store.write(packWithBundledSynonyms(feedCatalogue(5)), META, 'x'.repeat(10));
    const index = (await storedPart(feedPartKey(pointer.id, 'index'))) as Record<string, unknown>;
    expect(index.postings).toBeInstanceOf(Uint8Array);
    for (const field of ['postingStarts', 'postingCounts', 'organisationOf', 'areaMasks', 'audienceMasks', 'languageMasks', 'categoryMasks', 'nameOrder', 'crisisMasks']) {
      expect(index[field], field).toBeInstanceOf(Uint32Array);
    }
    expect(await store.readSource()).toBe('x'.repeat(10));
  });

  it('an index handed in binary (from finishBinary in the packer, as the sync in parts does) is stored as it is and searches', async () => {
    const store = createStoragePackedFeedStore();
    const packed = packWithBundledSynonyms(feedCatalogue(6, { withNewService: true }));
    const binary = toBinaryIndex(packed.index);
    const staged = store.stage('r6-binary');
    await staged.putIndex(binary);
    for (const [at, shard] of packed.shards.entries()) await staged.putShard(at, shard);
    await staged.putSourcePart(0, 'text');
    const pointer = await staged.commit(META, { shardCount: packed.shards.length, sourceParts: 1 });
    expect(await storedPart(feedPartKey(pointer.id, 'index'))).toEqual(binary);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
  });

  it('a revision id the pointer reader would refuse is refused when staged', () => {
    const store = createStoragePackedFeedStore();
    expect(() => store.stage('../r6')).toThrow(/revision id/);
    expect(() => store.stage('R6 x')).toThrow(/revision id/);
    expect(store.stage('r6-lsq2x1').id).toBe('r6-lsq2x1');
  });

  it('remove drops the pointer, then the parts', async () => {
    const store = createStoragePackedFeedStore();
    await store.write(packWithBundledSynonyms(feedCatalogue(5)), META);
    await store.remove();
    expect(await store.read()).toBeNull();
    expect(await storedParts()).toEqual([]);
  });
});

describe('the binary index opens as the base64 one', () => {
  const queries = (readJson('tests/unit/fixtures/regression-queries.json') as { queries: Array<{ query: string }> }).queries.map(({ query }) => query);
  const answers = (index: SearchIndex) =>
    queries.flatMap((query) => [rankServices(index, query, { limit: 30 }), rankServices(index, query, { limit: 10, filters: { city: 'kerava', language: 'sv' } })]);

  it('gives the same answers to every regression query, unfiltered and filtered', () => {
    const catalogue = feedCatalogue(5);
    const packed = packWithBundledSynonyms(catalogue);
    const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
    const records = memoryRecords(catalogue.services, organisations);
    const fromBase64 = openSearchIndex(packed.index, records);
    const fromBinary = openSearchIndex(structuredClone(toBinaryIndex(packed.index)), records);
    expect(queries.length).toBeGreaterThan(50);
    expect(answers(fromBase64).filter((hits) => hits.length > 0).length).toBeGreaterThan(queries.length);
    expect(answers(fromBinary)).toEqual(answers(fromBase64));
    expect(fromBinary.facts).toEqual(fromBase64.facts);
  });

  it('a binary index with a wrong-typed or wrong-length array is refused like a broken base64 one', () => {
    const packed = packWithBundledSynonyms(feedCatalogue(5));
    const records = memoryRecords([], new Map());
    const binary = toBinaryIndex(packed.index);
    expect(() => openSearchIndex({ ...binary, areaMasks: new Uint8Array(4) }, records)).toThrow(/areaMasks/);
    expect(() => openSearchIndex({ ...binary, nameOrder: binary.nameOrder.subarray(1) }, records)).toThrow(/service facts do not match/);
    expect(() => openSearchIndex({ ...binary, postingStarts: 'not base64 at all!' }, records)).toThrow(/postingStarts/);
  });
});

describe('a feed an older version kept in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  /** Stores a packed feed as versions before issue 22 did: every part in storage.local, the pointer last (no `store`). */
  async function storeTheOldWay(revision = 6, sourceText?: string): Promise<PackedFeedPointer> {
    const packed = packWithBundledSynonyms(feedCatalogue(revision));
    const id = revisionId(revision, META.acceptedAt);
    const pointer: PackedFeedPointer = { id, header: packed.index.catalogue, shardCount: packed.shards.length, ...META };
    if (sourceText) pointer.sourceParts = 1;
    await storage.setItems([
      { key: packedFeedKeys.index(id), value: packed.index },
      ...packed.shards.map((shard, at) => ({ key: packedFeedKeys.shard(id, at), value: shard })),
      ...(sourceText ? [{ key: packedFeedKeys.source(id, 0), value: sourceText }] : []),
    ]);
    await feedPointerItem.setValue(pointer);
    return pointer;
  }
  const localKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('packed.'));

  it('is opened from storage.local until the background moves it into IndexedDB once, same revision, ETag and key; then storage.local holds no part', async () => {
    const old = await storeTheOldWay(6, 'the accepted text');
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    const store = createStoragePackedFeedStore();
    expect(await store.readSource()).toBe('the accepted text');

    expect(await moveLocalFeed(store, localFeedParts)).toBe('moved');
    const moved = await store.read();
    expect(moved).toEqual({ ...old, store: 'indexeddb' });
    expect(await localKeys()).toEqual([]);
    expect(await storedParts()).toHaveLength(old.shardCount + 3);
    const inUse = await catalogueInUse();
    expect(inUse.source).toBe('feed');
    const state = await openChosen(inUse);
    expect(state.status).toBe('ready');
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    expect(await store.readSource()).toBe('the accepted text');
    expect(await moveLocalFeed(store, localFeedParts)).toBe('none');
  });

  it('a failed move (disk full) leaves the old feed in use and nothing in IndexedDB; the next wake moves it', async () => {
    const old = await storeTheOldWay();
    const store = createStoragePackedFeedStore();
    failIndexedDbWrites(2);
    await expect(moveLocalFeed(store, localFeedParts)).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await store.read()).toEqual(old);
    expect(await storedParts()).toEqual([]);
    expect((await localKeys()).length).toBe(old.shardCount + 1);
    expect(await moveLocalFeed(store, localFeedParts)).toBe('moved');
  });

  it('with a part missing or broken, it is dropped (bundled until the next sync fetches it again), nothing half-moved left', async () => {
    const old = await storeTheOldWay();
    await storage.removeItem(packedFeedKeys.shard(old.id, 1));
    const store = createStoragePackedFeedStore();
    expect(await moveLocalFeed(store, localFeedParts)).toBe('dropped');
    expect(await store.read()).toBeNull();
    expect(readFeedPointer(await feedPointerItem.getValue())).toBeNull();
    expect(await storedParts()).toEqual([]);
    expect(await localKeys()).toEqual([]);
    expect((await catalogueInUse()).source).toBe('bundled');
  });
});
