import { storage } from '#imports';
import type { PackedCatalogue, PackedIndex, RecordShard } from '../search/compact/format';
import { feedPointerItem, legacyFeedItem, packedFeedKeys } from '../storage';
import { revisionId } from './ids';
import { readFeedPointer, type FeedMeta, type PackedFeedPointer } from './in-use';

/** Where the synced feed's packed form lives (browser storage here, memory in tests). */
export interface PackedFeedStore {
  read(): Promise<PackedFeedPointer | null>;
  /**
   * Stores a packed revision and switches to it: every part is written before the pointer,
   * and the previous revision's parts are removed only after the pointer moved. A failed
   * write leaves the previous revision in use (and removes what it wrote).
   */
  write(packed: PackedCatalogue, meta: FeedMeta, source?: string): Promise<PackedFeedPointer>;
  /** The stored catalogue text of the revision in use (what a delta applies to), or null. */
  readSource(): Promise<string | null>;
  /** Records the ETag and signing key of the revision in use (verified again); its parts stay as they are. */
  annotate(meta: Pick<FeedMeta, 'etag' | 'signerKey'>): Promise<void>;
  /** Drops the feed (its key is no longer trusted, or the policy says so): the pointer first, then its parts. */
  remove(): Promise<void>;
  /** A revision written part by part (issue 22); the same id again continues where it stopped. */
  stage(id: string): StagedRevision;
  /** One stored catalogue-text part of the revision in use, or null. */
  readSourcePart(at: number): Promise<string | null>;
  /** Removes every staged revision but `id` (orphans of a stopped sync). */
  dropStagedExcept(id: string | null): Promise<void>;
}

/** A revision being written part by part; not in use until `commit` (contract: SCALE-CONTRACT.md, part 1). */
interface StagedRevision {
  readonly id: string;
  putShard(at: number, shard: RecordShard): Promise<void>;
  putIndex(index: PackedIndex): Promise<void>;
  putSourcePart(at: number, text: string): Promise<void>;
  /** Added by parts-sync: a source part written under this id (a resumed sync re-reads what it already has). */
  readSourcePart(at: number): Promise<string | null>;
  written(): Promise<{ shards: number[]; index: boolean; sourceParts: number[] }>;
  commit(meta: FeedMeta, counts: { shardCount: number; sourceParts: number }): Promise<PackedFeedPointer>;
  abort(): Promise<void>;
}


/**
 * The catalogue text is kept in parts of this many characters: at 100,000 services it is tens of
 * megabytes, and one huge storage value is slow to write and read in one piece.
 */
const SOURCE_PART_CHARS = 4 * 1024 * 1024;

function partKeys(id: string, shardCount: number, sourceParts = 0) {
  return [
    packedFeedKeys.index(id),
    ...Array.from({ length: shardCount }, (_, shard) => packedFeedKeys.shard(id, shard)),
    ...Array.from({ length: sourceParts }, (_, part) => packedFeedKeys.source(id, part)),
  ];
}

function splitSource(source: string | undefined): string[] {
  if (!source) return [];
  const parts: string[] = [];
  for (let at = 0; at < source.length; at += SOURCE_PART_CHARS) parts.push(source.slice(at, at + SOURCE_PART_CHARS));
  return parts;
}

/*
 * STAND-IN (branch parts-sync) for branch idb-store's IndexedDB staging: the same interface over
 * the storage.local keys of packedFeedKeys, with a small record of what each staged id holds.
 * The real store replaces this at merge.
 */
const STAGING_KEY = packedFeedKeys.staging;
type Written = { shards: number[]; index: boolean; sourceParts: number[] };
type Staging = Record<string, Written>;

async function readStaging(): Promise<Staging> {
  const value = await storage.getItem<Staging>(STAGING_KEY);
  return value && typeof value === 'object' ? value : {};
}
let stagingWrites: Promise<unknown> = Promise.resolve();
/** Read-modify-write of the staging record, one at a time. */
function updateStaging(change: (staging: Staging) => void): Promise<void> {
  const next = stagingWrites.then(async () => {
    const staging = await readStaging();
    change(staging);
    await storage.setItem(STAGING_KEY, staging);
  });
  stagingWrites = next.catch(() => undefined);
  return next;
}
const emptyWritten = (): Written => ({ shards: [], index: false, sourceParts: [] });
const writtenKeys = (id: string, written: Written) => [
  ...(written.index ? [packedFeedKeys.index(id)] : []),
  ...written.shards.map((at) => packedFeedKeys.shard(id, at)),
  ...written.sourceParts.map((at) => packedFeedKeys.source(id, at)),
];

function stageInStorage(id: string): StagedRevision {
  const mark = (change: (written: Written) => void) =>
    updateStaging((staging) => {
      const written = (staging[id] ??= emptyWritten());
      change(written);
    });
  const addTo = (list: number[], at: number) => {
    if (!list.includes(at)) list.push(at);
  };
  return {
    id,
    async putShard(at, shard) {
      await storage.setItem(packedFeedKeys.shard(id, at), shard);
      await mark((written) => addTo(written.shards, at));
    },
    async putIndex(index) {
      await storage.setItem(packedFeedKeys.index(id), index);
      await mark((written) => void (written.index = true));
    },
    async putSourcePart(at, text) {
      await storage.setItem(packedFeedKeys.source(id, at), text);
      await mark((written) => addTo(written.sourceParts, at));
    },
    async readSourcePart(at) {
      const value = await storage.getItem<string>(packedFeedKeys.source(id, at));
      return typeof value === 'string' ? value : null;
    },
    async written() {
      const written = (await readStaging())[id] ?? emptyWritten();
      return { shards: [...written.shards].sort((a, b) => a - b), index: written.index, sourceParts: [...written.sourceParts].sort((a, b) => a - b) };
    },
    async commit({ acceptedAt, etag, signerKey }, { shardCount, sourceParts }) {
      const index = await storage.getItem<PackedIndex>(packedFeedKeys.index(id));
      if (!index) throw new Error(`staged revision ${id} has no index`);
      const previous = readFeedPointer(await feedPointerItem.getValue());
      const pointer: PackedFeedPointer = { id, header: index.catalogue, shardCount, acceptedAt, etag, signerKey };
      if (sourceParts > 0) pointer.sourceParts = sourceParts;
      await feedPointerItem.setValue(pointer);
      await updateStaging((staging) => void delete staging[id]);
      if (previous && previous.id !== id) {
        await storage.removeItems(partKeys(previous.id, previous.shardCount, previous.sourceParts)).catch((error: unknown) => console.warn('sync: old revision not removed', error));
      }
      return pointer;
    },
    async abort() {
      const written = (await readStaging())[id];
      if (written) await storage.removeItems(writtenKeys(id, written));
      await updateStaging((staging) => void delete staging[id]);
    },
  };
}

export function createStoragePackedFeedStore(): PackedFeedStore {
  return {
    stage: stageInStorage,
    async readSourcePart(at) {
      const current = readFeedPointer(await feedPointerItem.getValue());
      if (!current?.sourceParts || at >= current.sourceParts) return null;
      const value = await storage.getItem<string>(packedFeedKeys.source(current.id, at));
      return typeof value === 'string' ? value : null;
    },
    async dropStagedExcept(keep) {
      const staging = await readStaging();
      for (const id of Object.keys(staging)) if (id !== keep) await stageInStorage(id).abort();
    },
    read: async () => readFeedPointer(await feedPointerItem.getValue()),
    async write(packed, { acceptedAt, etag, signerKey }, source) {
      const previous = readFeedPointer(await feedPointerItem.getValue());
      const id = revisionId(packed.index.catalogue.revision, acceptedAt);
      const sourceParts = splitSource(source);
      const pointer: PackedFeedPointer = { id, header: packed.index.catalogue, shardCount: packed.shards.length, acceptedAt, etag, signerKey };
      if (sourceParts.length > 0) pointer.sourceParts = sourceParts.length;
      try {
        await storage.setItems([
          { key: packedFeedKeys.index(id), value: packed.index },
          ...packed.shards.map((shard, at) => ({ key: packedFeedKeys.shard(id, at), value: shard })),
          ...sourceParts.map((part, at) => ({ key: packedFeedKeys.source(id, at), value: part })),
        ]);
        await feedPointerItem.setValue(pointer);
      } catch (error) {
        await storage.removeItems(partKeys(id, packed.shards.length, sourceParts.length)).catch(() => undefined);
        throw error;
      }
      if (previous && previous.id !== id) {
        await storage.removeItems(partKeys(previous.id, previous.shardCount, previous.sourceParts)).catch((error: unknown) => console.warn('sync: old revision not removed', error));
      }
      return pointer;
    },
    async readSource() {
      const current = readFeedPointer(await feedPointerItem.getValue());
      if (!current?.sourceParts) return null;
      const keys = Array.from({ length: current.sourceParts }, (_, part) => packedFeedKeys.source(current.id, part));
      const parts = await storage.getItems(keys);
      const texts = parts.map((part) => part.value);
      return texts.every((text): text is string => typeof text === 'string') ? texts.join('') : null;
    },
    async annotate({ etag, signerKey }) {
      const current = readFeedPointer(await feedPointerItem.getValue());
      if (current) await feedPointerItem.setValue({ ...current, etag, signerKey });
    },
    async remove() {
      const current = readFeedPointer(await feedPointerItem.getValue());
      await feedPointerItem.removeValue();
      if (current) {
        await storage.removeItems(partKeys(current.id, current.shardCount, current.sourceParts)).catch((error: unknown) => console.warn('sync: dropped revision not removed', error));
      }
    },
  };
}

/** The feed as 0.1.0 stored it (raw catalogue), read only to migrate it. */
export const legacyFeedStore = {
  read: () => legacyFeedItem.getValue(),
  remove: () => legacyFeedItem.removeValue(),
};
