import type { LocalFeedParts, PackedFeedStore, StagedRevision } from '../catalogue/feed-store';
import { packedIndexSchema, type RecordShard } from '../search/compact/format';

export type LocalFeedMove = 'none' | 'moved' | 'dropped';

const isShard = (value: unknown): value is RecordShard =>
  typeof value === 'object' && value !== null && Array.isArray((value as RecordShard).services) && Array.isArray((value as RecordShard).organisations);

/**
 * Moves a feed whose parts an older version kept in storage.local into IndexedDB, once, in the
 * background (on the first wake after the update), under the same revision id, with the same
 * ETag, signing key and acceptance time: no 100 MB download again. The parts are copied one at a
 * time (never the whole feed in memory), the pointer switches when all are in (commit), and only
 * then are the storage.local parts removed. Until then the popup reads the old place.
 * A part that is missing or broken means the stored feed cannot be trusted whole: it is dropped
 * (bundled catalogue until the next sync fetches the feed again), and so is a half-moved copy.
 * A failure to write (disk full) throws and leaves everything as it was, for the next wake.
 */
export async function moveLocalFeed(store: PackedFeedStore, local: LocalFeedParts): Promise<LocalFeedMove> {
  const pointer = await store.read();
  if (!pointer || pointer.store === 'indexeddb') return 'none';
  const staged: StagedRevision = store.stage(pointer.id);
  const drop = async () => {
    await staged.abort();
    await store.remove();
    return 'dropped' as const;
  };
  try {
    const index = packedIndexSchema.safeParse(await local.readIndex(pointer));
    if (!index.success || index.data.shardCount !== pointer.shardCount) return await drop();
    const done = await staged.written();
    if (!done.index) await staged.putIndex(index.data);
    const sourceParts = pointer.sourceParts ?? 0;
    for (let at = 0; at < pointer.shardCount; at++) {
      if (done.shards.includes(at)) continue;
      const shard = await local.readShard(pointer, at);
      if (!isShard(shard)) return await drop();
      await staged.putShard(at, shard);
    }
    for (let at = 0; at < sourceParts; at++) {
      if (done.sourceParts.includes(at)) continue;
      const text = await local.readSourcePart(pointer, at);
      if (typeof text !== 'string') return await drop();
      await staged.putSourcePart(at, text);
    }
    // commit removes the storage.local parts once the pointer names the IndexedDB copy.
    await staged.commit(pointer, { shardCount: pointer.shardCount, sourceParts });
    return 'moved';
  } catch (error) {
    await staged.abort().catch(() => undefined);
    throw error;
  }
}
