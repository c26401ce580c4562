import bundledSynonyms from '../../data/synonyms.json';
import type { Catalogue } from '../catalogue/schema';
import { buildSearchIndex, type SearchIndex } from '../search/build-index';
import type { CompiledLexicon } from '../search/lexicon';
import { synonymFileSchema } from '../search/synonyms';

/*
 * Packing a feed catalogue for search, apart from choosing it (active-catalogue.ts): the popup
 * loads this module (the packer, about 5 kB of gzipped JavaScript) only when a feed newer than
 * the bundled catalogue is in use, so the popup's own bundle stays small.
 */

let memo: { catalogue: Catalogue; index: SearchIndex } | undefined;

/** The search index of a catalogue: built once per swap, never per keystroke. The lexicon is
 *  the bundled packed index's (crisis needs, generic words, derivations). */
export function searchIndexFor(catalogue: Catalogue, lexicon?: CompiledLexicon): SearchIndex {
  if (memo?.catalogue !== catalogue) {
    memo = { catalogue, index: buildSearchIndex(catalogue, synonymFileSchema.parse(bundledSynonyms), lexicon) };
  }
  return memo.index;
}
