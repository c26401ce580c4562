import type { Catalogue } from '../catalogue/schema';
import { packCatalogue } from './compact/pack';
import { memoryRecords } from './compact/records';
import { openSearchIndex, type SearchIndex } from './search-index';
import type { CompiledLexicon } from './lexicon';
import type { SynonymFile } from './synonyms';

export type { SearchIndex } from './search-index';

/**
 * The search index of a catalogue held in memory (CLI, tests): packed exactly as for the popup
 * and opened by the same code, with every record at hand. The popup opens the packed form that
 * the build (or the feed sync) made ahead of time instead; see compact/pack.ts.
 */
export function buildSearchIndex(catalogue: Catalogue, synonymFile: SynonymFile, lexicon?: CompiledLexicon): SearchIndex {
  const { index, shards } = packCatalogue(catalogue, synonymFile, undefined, lexicon);
  const organisations = new Map(shards.flatMap((shard) => shard.organisations).map((organisation) => [organisation.id, organisation]));
  return openSearchIndex(index, memoryRecords(shards.flatMap((shard) => shard.services), organisations));
}
