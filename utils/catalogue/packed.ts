import { shardedRecords } from '../search/compact/records';
import { openSearchIndex, PackedIndexError, type SearchIndex } from '../search/search-index';

export type CatalogueState = { status: 'ready'; index: SearchIndex } | { status: 'error'; problems: string[] };

/** Where the bundled packed catalogue's files live inside the extension (written by utils/wxt-modules/packed-catalogue.ts). */
export const PACKED_HEADER_FILE = 'catalogue/header.json';
export const PACKED_INDEX_FILE = 'catalogue/index.json';
export const packedShardFile = (shard: number) => `catalogue/shard-${shard}.json`;

/** Where a packed catalogue's parts are read from: the extension package or extension storage. */
export interface PackedSource {
  readIndex(): Promise<unknown>;
  readShard(shard: number): Promise<unknown>;
}

/**
 * Opens a packed catalogue (index + record shards), the bundled one and a synced feed's alike.
 * Only the index is read now; shards when results need them.
 */
export async function openPackedCatalogue(source: PackedSource): Promise<CatalogueState> {
  const first = await tryOpen(source);
  if (!(first instanceof PackedIndexError)) return first;
  // The schemas are zod/mini, which has no message texts of its own ("Invalid input" for all).
  // Load zod's English ones only now, on this rare path, and open again so that the problem
  // the popup shows reads as it always has (utils/zod-messages.ts).
  await import('../zod-messages');
  const again = await tryOpen(source);
  return again instanceof PackedIndexError ? { status: 'error', problems: [again.message] } : again;
}

/** The catalogue's state, or the index's own problem (PackedIndexError) for the caller to word. */
async function tryOpen(source: PackedSource): Promise<CatalogueState | PackedIndexError> {
  try {
    const data = (await source.readIndex()) as { shardSize?: unknown; shardCount?: unknown } | null | undefined;
    if (data === null || data === undefined) throw new Error('the packed index is missing');
    const index = openSearchIndex(data, shardedRecords(Number(data.shardSize), Number(data.shardCount), (shard) => source.readShard(shard)));
    return { status: 'ready', index };
  } catch (error) {
    if (error instanceof PackedIndexError) return error;
    return { status: 'error', problems: [`catalogue: ${(error as Error).message}`] };
  }
}
