/**
 * Keys of a packed feed revision's parts in `storage.local` (not items: their number depends on
 * the feed). Each revision is written under its own id, so a new one never overwrites the one
 * in use. Pure (no browser import), so the bench can write a feed where the background would;
 * utils/storage.ts gives them WXT's `local:` area prefix.
 */
export const FEED_POINTER_KEY = 'feedPacked';
export const packedFeedPartKeys = {
  prefix: (id: string) => `packed.${id}.`,
  index: (id: string) => `packed.${id}.index`,
  shard: (id: string, shard: number) => `packed.${id}.shard-${shard}`,
  /** The accepted catalogue's JSON text in parts: what the next delta applies to (issue 22). */
  source: (id: string, part: number) => `packed.${id}.source-${part}`,
};

/**
 * Since issue 22 the parts live in IndexedDB (utils/catalogue/feed-db.ts), not storage.local:
 * one object store whose keys are `[revision id, kind, ordinal]`, so that one key range holds a
 * whole revision (written, removed or listed in one go). The pointer stays in storage.local
 * (`FEED_POINTER_KEY`), written last, with `store: 'indexeddb'`. Pure, for the bench as above.
 */
export const FEED_DB_NAME = 'jarjestoopas-feed';
export const FEED_DB_VERSION = 1;
export const FEED_PARTS_STORE = 'parts';
export type FeedPartKind = 'index' | 'header' | 'shard' | 'source';
export type FeedPartKey = [id: string, kind: FeedPartKind, at: number];
export const feedPartKey = (id: string, kind: FeedPartKind, at = 0): FeedPartKey => [id, kind, at];
/** The upper bound of a revision's keys: an array sorts after every string and number. */
export const revisionKeyRange = (id: string): [lower: [string], upper: [string, []]] => [[id], [id, []]];
