import { storage } from '#imports';
import type { PackedCatalogue } from '../search/compact/format';
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

export function createStoragePackedFeedStore(): PackedFeedStore {
  return {
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
