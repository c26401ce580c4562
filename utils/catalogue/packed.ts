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
  try {
    const data = (await source.readIndex()) as { shardSize?: unknown; shardCount?: unknown } | null | undefined;
    if (data === null || data === undefined) throw new Error('the packed index is missing');
    const index = openSearchIndex(data, shardedRecords(Number(data.shardSize), Number(data.shardCount), (shard) => source.readShard(shard)));
    return { status: 'ready', index };
  } catch (error) {
    const message = error instanceof PackedIndexError ? error.message : `catalogue: ${(error as Error).message}`;
    return { status: 'error', problems: [message] };
  }
}
