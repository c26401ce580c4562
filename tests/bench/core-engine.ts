import type { Catalogue } from '@/utils/catalogue/schema';
import { packCatalogue } from '@/utils/search/compact/pack';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { memoryRecords } from '@/utils/search/compact/records';
import { forgetWordMatches, searchServices } from '@/utils/search/search';
import { openSearchIndex } from '@/utils/search/search-index';
import type { SynonymFile } from '@/utils/search/synonyms';
import { heapDelta, time } from './measure';

/**
 * The shipped search core as the benchmark sees it: packing (build or sync time), what the
 * popup loads on open (the packed index's bytes, the time to parse and open it, the heap it
 * keeps) and one keystroke's search (ranking plus the records of the results; records come
 * from shards already in memory, as after the popup's first answer).
 */
export function prepareCore(catalogue: Catalogue, synonyms: SynonymFile) {
  const packed = time(() => packCatalogue(catalogue, synonyms, undefined, bundledLexicon()));
  const indexText = JSON.stringify(packed.value.index);
  const shardBytes = packed.value.shards.reduce((sum, shard) => sum + Buffer.byteLength(JSON.stringify(shard)), 0);
  const services = packed.value.shards.flatMap((shard) => shard.services);
  const organisations = new Map(packed.value.shards.flatMap((shard) => shard.organisations).map((organisation) => [organisation.id, organisation]));
  const records = memoryRecords(services, organisations);
  const opened = heapDelta(() => time(() => openSearchIndex(JSON.parse(indexText), records)));
  const index = opened.value.value;
  let previous = '';
  return {
    figures: {
      buildMs: packed.ms,
      loadMs: opened.value.ms,
      storedBytes: Buffer.byteLength(indexText),
      shardBytes,
      heapBytes: opened.bytes,
    },
    /**
     * As the popup searches while she types: the words finished at earlier keystrokes of the
     * same query are remembered (search.ts), nothing from another query. A keystroke that does
     * not extend the previous one starts a new query typed from scratch.
     */
    search: (query: string) => {
      if (!query.startsWith(previous)) forgetWordMatches(index);
      previous = query;
      return searchServices(index, query, { limit: 30 });
    },
    /** Every keystroke from nothing (a pasted query): no word remembered. */
    searchCold: (query: string) => {
      forgetWordMatches(index);
      previous = '';
      return searchServices(index, query, { limit: 30 });
    },
  };
}
