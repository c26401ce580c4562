import { storage } from '#imports';
import { isBinaryIndex, toBinaryIndex } from '../search/compact/binary-index';
import type { BinaryPackedIndex, PackedCatalogue, PackedIndex } from '../search/compact/format';
import { feedPointerItem, legacyFeedItem, packedFeedKeys } from '../storage';
import { feedDatabase, revisionRange, storedRevisionIds } from './feed-db';
import { FEED_PARTS_STORE, feedPartKey } from './feed-keys';
import { revisionId } from './ids';
import { readCatalogueHeader, readFeedPointer, type CatalogueHeader, type FeedMeta, type PackedFeedPointer } from './in-use';
import type { StagedRevision } from './staged-revision';

export type { StagedRevision } from './staged-revision';

/** Where the synced feed's packed form lives: parts in IndexedDB, the pointer in storage.local. */
export interface PackedFeedStore {
  read(): Promise<PackedFeedPointer | null>;
  /**
   * Stores a packed revision and switches to it (stage + commit): every part is written before
   * the pointer, and the previous revision's parts are removed only after the pointer moved.
   * A failed write leaves the previous revision in use (and removes what it wrote).
   */
  write(packed: PackedCatalogue, meta: FeedMeta, source?: string): Promise<PackedFeedPointer>;
  /** The stored catalogue text of the revision in use (what a delta applies to), or null. */
  readSource(): Promise<string | null>;
  /** Records the ETag and signing key of the revision in use (verified again); its parts stay as they are. */
  annotate(meta: Pick<FeedMeta, 'etag' | 'signerKey'>): Promise<void>;
  /** Drops the feed (its key is no longer trusted, or the policy says so): the pointer first, then its parts. */
  remove(): Promise<void>;
  /** A revision to write under `id`; the same id again continues where it stopped. */
  stage(id: string): StagedRevision;
  /** Part `at` of the catalogue text of the revision in use, or null. */
  readSourcePart(at: number): Promise<string | null>;
  /** Removes every revision but the one in use and `id` (staging left behind by a crash). */
  dropStagedExcept(id: string | null): Promise<void>;
}

/**
 * The catalogue text is kept in parts of this many characters: at 100,000 services it is tens of
 * megabytes, and one huge stored value is slow to write and read in one piece.
 */
const SOURCE_PART_CHARS = 4 * 1024 * 1024;

function splitSource(source: string | undefined): string[] {
  if (!source) return [];
  const parts: string[] = [];
  for (let at = 0; at < source.length; at += SOURCE_PART_CHARS) parts.push(source.slice(at, at + SOURCE_PART_CHARS));
  return parts;
}

/**
 * What commit needs of the index without reading the index, and the index's `sessions` section
 * for the background's info-session badge (a few dozen records; the index is megabytes): written
 * with the index, in one transaction.
 */
interface StagedHeader {
  catalogue: CatalogueHeader;
  shardCount: number;
  sessions: PackedIndex['sessions'];
}

/** Keys of a revision stored the way versions before issue 22 did (storage.local). */
function localPartKeys(pointer: Pick<PackedFeedPointer, 'id' | 'shardCount' | 'sourceParts'>) {
  return [
    packedFeedKeys.index(pointer.id),
    ...Array.from({ length: pointer.shardCount }, (_, shard) => packedFeedKeys.shard(pointer.id, shard)),
    ...Array.from({ length: pointer.sourceParts ?? 0 }, (_, part) => packedFeedKeys.source(pointer.id, part)),
  ];
}

async function removeRevision(id: string): Promise<void> {
  const db = await feedDatabase();
  await db.delete(FEED_PARTS_STORE, revisionRange(id));
}

/** Removes a revision that is no longer in use, wherever it was stored; a failure only leaves garbage. */
async function removeOldRevision(pointer: PackedFeedPointer, why: string): Promise<void> {
  const removal = pointer.store === 'indexeddb' ? removeRevision(pointer.id) : storage.removeItems(localPartKeys(pointer));
  await removal.catch((error: unknown) => console.warn(`sync: ${why} revision not removed`, error));
}

const readPointer = async () => readFeedPointer(await feedPointerItem.getValue());

const missing = (count: number, have: readonly number[]) => {
  const present = new Set(have);
  return Array.from({ length: count }, (_, at) => at).filter((at) => !present.has(at));
};

function stageRevision(id: string): StagedRevision {
  // The pointer reader accepts only such ids (in-use.ts): a revision under any other would be
  // committed and then read as "no feed".
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`revision id ${JSON.stringify(id)}: only a–z, 0–9 and -`);
  const put = async (kind: 'shard' | 'source', at: number, value: unknown) => {
    const db = await feedDatabase();
    await db.put(FEED_PARTS_STORE, value, feedPartKey(id, kind, at));
  };
  const written = async () => {
    const db = await feedDatabase();
    const keys = await db.getAllKeys(FEED_PARTS_STORE, revisionRange(id));
    const of = (kind: string) => keys.filter((key) => key[1] === kind).map((key) => key[2]);
    return { shards: of('shard'), index: of('header').length > 0 && of('index').length > 0, sourceParts: of('source') };
  };
  return {
    id,
    putShard: (at, shard) => put('shard', at, shard),
    putSourcePart: (at, text) => put('source', at, text),
    async readSourcePart(at) {
      const db = await feedDatabase();
      const value: unknown = await db.get(FEED_PARTS_STORE, feedPartKey(id, 'source', at));
      return typeof value === 'string' ? value : null;
    },
    async putIndex(index) {
      const binary = isBinaryIndex(index) ? (index as BinaryPackedIndex) : toBinaryIndex(index as PackedIndex);
      const header: StagedHeader = { catalogue: index.catalogue, shardCount: index.shardCount, sessions: index.sessions };
      const db = await feedDatabase();
      const tx = db.transaction(FEED_PARTS_STORE, 'readwrite');
      await Promise.all([tx.store.put(binary, feedPartKey(id, 'index')), tx.store.put(header, feedPartKey(id, 'header')), tx.done]);
    },
    written,
    async commit({ acceptedAt, etag, signerKey }, counts) {
      const db = await feedDatabase();
      const have = await written();
      const header = (await db.get(FEED_PARTS_STORE, feedPartKey(id, 'header'))) as StagedHeader | undefined;
      const catalogue = readCatalogueHeader(header?.catalogue);
      if (!have.index || !catalogue) throw new Error(`revision ${id}: the index is missing`);
      if (header!.shardCount !== counts.shardCount) throw new Error(`revision ${id}: ${counts.shardCount} shards, the index says ${header!.shardCount}`);
      const gaps = [...missing(counts.shardCount, have.shards).map((at) => `shard ${at}`), ...missing(counts.sourceParts, have.sourceParts).map((at) => `source part ${at}`)];
      if (gaps.length > 0) throw new Error(`revision ${id}: ${gaps.slice(0, 3).join(', ')}${gaps.length > 3 ? ' …' : ''} missing`);
      // Everything written so far reaches the disk before the pointer names it.
      const flush = db.transaction(FEED_PARTS_STORE, 'readwrite', { durability: 'strict' });
      await Promise.all([flush.store.put({ ...header!, committedAt: acceptedAt }, feedPartKey(id, 'header')), flush.done]);

      const previous = await readPointer();
      const pointer: PackedFeedPointer = { id, header: catalogue, shardCount: counts.shardCount, acceptedAt, etag, signerKey, store: 'indexeddb' };
      if (counts.sourceParts > 0) pointer.sourceParts = counts.sourceParts;
      await feedPointerItem.setValue(pointer);
      if (previous && (previous.id !== id || previous.store !== 'indexeddb')) await removeOldRevision(previous, 'old');
      return pointer;
    },
    async abort() {
      const current = await readPointer();
      if (current?.store === 'indexeddb' && current.id === id) throw new Error(`revision ${id} is in use: not removed`);
      await removeRevision(id);
    },
  };
}

export function createStoragePackedFeedStore(): PackedFeedStore {
  const readSourcePart = async (at: number) => {
    const current = await readPointer();
    if (!current?.sourceParts || at >= current.sourceParts) return null;
    const text = current.store === 'indexeddb'
      ? await (await feedDatabase()).get(FEED_PARTS_STORE, feedPartKey(current.id, 'source', at))
      : await storage.getItem(packedFeedKeys.source(current.id, at));
    return typeof text === 'string' ? text : null;
  };
  return {
    read: readPointer,
    stage: stageRevision,
    readSourcePart,
    async write(packed, meta, source) {
      const staged = stageRevision(revisionId(packed.index.catalogue.revision, meta.acceptedAt));
      const sourceParts = splitSource(source);
      try {
        await staged.putIndex(packed.index);
        for (const [at, shard] of packed.shards.entries()) await staged.putShard(at, shard);
        for (const [at, text] of sourceParts.entries()) await staged.putSourcePart(at, text);
        return await staged.commit(meta, { shardCount: packed.shards.length, sourceParts: sourceParts.length });
      } catch (error) {
        // The pointer is written last: if it was not, the revision in use is still the old one.
        const current = await readPointer().catch(() => null);
        if (current?.id !== staged.id) await staged.abort().catch(() => undefined);
        throw error;
      }
    },
    async readSource() {
      const current = await readPointer();
      if (!current?.sourceParts) return null;
      const texts: string[] = [];
      for (let at = 0; at < current.sourceParts; at++) {
        const text = await readSourcePart(at);
        if (text === null) return null;
        texts.push(text);
      }
      return texts.join('');
    },
    async annotate({ etag, signerKey }) {
      const current = await readPointer();
      if (current) await feedPointerItem.setValue({ ...current, etag, signerKey });
    },
    async remove() {
      const current = await readPointer();
      await feedPointerItem.removeValue();
      if (current) await removeOldRevision(current, 'dropped');
    },
    async dropStagedExcept(id) {
      const current = await readPointer();
      // The revision in use is kept wherever it is: a storage.local one may be half-way moved here.
      const keep = new Set([id, current?.id ?? null]);
      const db = await feedDatabase();
      for (const stored of await storedRevisionIds(db)) {
        if (!keep.has(stored)) await removeRevision(stored);
      }
    },
  };
}

/** How versions before issue 22 kept a feed's parts: storage.local, by key. */
export interface LocalFeedParts {
  readIndex(pointer: PackedFeedPointer): Promise<unknown>;
  readShard(pointer: PackedFeedPointer, at: number): Promise<unknown>;
  readSourcePart(pointer: PackedFeedPointer, at: number): Promise<unknown>;
}

/** A feed's parts where versions before issue 22 kept them, read only to move them (utils/sync/move-local-feed.ts). */
export const localFeedParts: LocalFeedParts = {
  readIndex: (pointer) => storage.getItem(packedFeedKeys.index(pointer.id)),
  readShard: (pointer, at) => storage.getItem(packedFeedKeys.shard(pointer.id, at)),
  readSourcePart: (pointer, at) => storage.getItem(packedFeedKeys.source(pointer.id, at)),
};

/** The feed as 0.1.0 stored it (raw catalogue), read only to migrate it. */
export const legacyFeedStore = {
  read: () => legacyFeedItem.getValue(),
  remove: () => legacyFeedItem.removeValue(),
};
