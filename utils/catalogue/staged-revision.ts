import type { BinaryPackedIndex, PackedIndex, RecordShard } from '../search/compact/format';
import type { FeedMeta, PackedFeedPointer } from './in-use';

/**
 * A revision being written (a sync, a delta, a migration): its parts go to the store (IndexedDB
 * in the browser: feed-store.ts) under its own id while the revision in use stays readable;
 * `commit` switches to it, `abort` removes it. Pure type, so the pure sync code stages through it.
 */
export interface StagedRevision {
  readonly id: string;
  /** Idempotent per (id, at): a resumed sync may write a shard again. */
  putShard(at: number, shard: RecordShard): Promise<void>;
  /** Stored binary (typed arrays instead of base64: utils/search/compact/binary-index.ts); the packer hands that form directly. */
  putIndex(index: PackedIndex | BinaryPackedIndex): Promise<void>;
  /** A part of the accepted catalogue's text: what a later delta applies to. */
  putSourcePart(at: number, text: string): Promise<void>;
  /** A source part already written under this id (a resumed sync re-reads what it has), or null. */
  readSourcePart(at: number): Promise<string | null>;
  /** What is already written under this id (a resumed sync continues from it). */
  written(): Promise<{ shards: number[]; index: boolean; sourceParts: number[] }>;
  /**
   * Switches to this revision atomically (pointer last), then removes the previous revision's
   * parts. Refuses (and switches nothing) when a part is missing.
   */
  commit(meta: FeedMeta, counts: { shardCount: number; sourceParts: number }): Promise<PackedFeedPointer>;
  /** Removes everything written under this id. */
  abort(): Promise<void>;
}
