import { shardedRecords } from '../search/compact/records';
import { openSearchIndex, PackedIndexError, type SearchIndex } from '../search/search-index';

export type CatalogueState = { status: 'ready'; index: SearchIndex } | { status: 'error'; problems: string[] };

/** Where the packed catalogue's files live inside the extension (written by utils/wxt-modules/packed-catalogue.ts). */
export const PACKED_INDEX_FILE = 'catalogue/index.json';
export const packedShardFile = (shard: number) => `catalogue/shard-${shard}.json`;

/**
 * Opens a packed catalogue (index + record shards) through `readJson`, which reads one of the
 * files above: from the extension package for the bundled catalogue, or from wherever a
 * synced feed's packed form is kept. Only the index is read now; shards when results need them.
 */
export async function openPackedCatalogue(readJson: (file: string) => Promise<unknown>): Promise<CatalogueState> {
  const first = await tryOpen(readJson);
  if (!(first instanceof PackedIndexError)) return first;
  // The schemas are zod/mini, which has no message texts of its own ("Invalid input" for all).
  // Load zod's English ones only now, on this rare path, and open again so that the problem
  // the popup shows reads as it always has (utils/zod-messages.ts).
  await import('../zod-messages');
  const again = await tryOpen(readJson);
  return again instanceof PackedIndexError ? { status: 'error', problems: [again.message] } : again;
}

/** The catalogue's state, or the index's own problem (PackedIndexError) for the caller to word. */
async function tryOpen(readJson: (file: string) => Promise<unknown>): Promise<CatalogueState | PackedIndexError> {
  try {
    const data = (await readJson(PACKED_INDEX_FILE)) as { shardSize?: unknown; shardCount?: unknown };
    const index = openSearchIndex(
      data,
      shardedRecords(Number(data?.shardSize), Number(data?.shardCount), (shard) => readJson(packedShardFile(shard))),
    );
    return { status: 'ready', index };
  } catch (error) {
    if (error instanceof PackedIndexError) return error;
    return { status: 'error', problems: [`catalogue: ${(error as Error).message}`] };
  }
}
