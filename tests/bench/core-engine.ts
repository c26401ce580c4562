import type { Catalogue } from '@/utils/catalogue/schema';
import { buildSearchIndex } from '@/utils/search/build-index';
import { searchServices } from '@/utils/search/search';
import type { SynonymFile } from '@/utils/search/synonyms';
import { heapDelta, time } from './measure';

/**
 * The shipped search core as the benchmark sees it: what is built ahead of time, what the
 * popup loads on open (bytes, time, heap) and one keystroke's search.
 */
export function prepareCore(catalogue: Catalogue, synonyms: SynonymFile) {
  const text = JSON.stringify(catalogue);
  // Today the popup parses the whole catalogue and builds the index on open.
  const loaded = heapDelta(() => time(() => buildSearchIndex(JSON.parse(text) as Catalogue, synonyms)));
  const index = loaded.value.value;
  return {
    figures: {
      buildMs: loaded.value.ms,
      loadMs: loaded.value.ms,
      storedBytes: Buffer.byteLength(text),
      shardBytes: 0,
      heapBytes: loaded.bytes,
    },
    search: (query: string) => searchServices(index, query, { limit: 30 }),
  };
}
