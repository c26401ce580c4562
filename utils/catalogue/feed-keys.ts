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
