import { storage } from '#imports';
import type { PackedCatalogue } from '../search/compact/format';
import { feedPointerItem, legacyFeedItem, packedFeedKeys } from '../storage';
import { revisionId } from './ids';
import { readFeedPointer, type PackedFeedPointer } from './in-use';

/** Where the synced feed's packed form lives (browser storage here, memory in tests). */
export interface PackedFeedStore {
  read(): Promise<PackedFeedPointer | null>;
  /**
   * Stores a packed revision and switches to it: every part is written before the pointer,
   * and the previous revision's parts are removed only after the pointer moved. A failed
   * write leaves the previous revision in use (and removes what it wrote).
   */
  write(packed: PackedCatalogue, meta: { acceptedAt: string; etag: string | null }): Promise<PackedFeedPointer>;
}


function partKeys(id: string, shardCount: number) {
  return [packedFeedKeys.index(id), ...Array.from({ length: shardCount }, (_, shard) => packedFeedKeys.shard(id, shard))];
}

export function createStoragePackedFeedStore(): PackedFeedStore {
  return {
    read: async () => readFeedPointer(await feedPointerItem.getValue()),
    async write(packed, { acceptedAt, etag }) {
      const previous = readFeedPointer(await feedPointerItem.getValue());
      const id = revisionId(packed.index.catalogue.revision, acceptedAt);
      const pointer: PackedFeedPointer = { id, header: packed.index.catalogue, shardCount: packed.shards.length, acceptedAt, etag };
      try {
        await storage.setItems([
          { key: packedFeedKeys.index(id), value: packed.index },
          ...packed.shards.map((shard, at) => ({ key: packedFeedKeys.shard(id, at), value: shard })),
        ]);
        await feedPointerItem.setValue(pointer);
      } catch (error) {
        await storage.removeItems(partKeys(id, packed.shards.length)).catch(() => undefined);
        throw error;
      }
      if (previous && previous.id !== id) {
        await storage.removeItems(partKeys(previous.id, previous.shardCount)).catch((error: unknown) => console.warn('sync: old revision not removed', error));
      }
      return pointer;
    },
  };
}

/** The feed as 0.1.0 stored it (raw catalogue), read only to migrate it. */
export const legacyFeedStore = {
  read: () => legacyFeedItem.getValue(),
  remove: () => legacyFeedItem.removeValue(),
};
