import type { SearchIndex } from './build-index';
import { isStopword, tokenise } from './normalise';
import { rankServices } from './search';

/** Broad need words that always find something in a VAKE-like catalogue. */
const BROAD_WORDS = ['vertaistuki', 'keskusteluapu', 'neuvonta'];

/**
 * A broader query to offer when nothing matched: one of the query's own words that does
 * match on its own (longest first), else a broad need word that has results.
 */
export function suggestBroaderQuery(index: SearchIndex, query: string): string {
  const words = [...new Set(tokenise(query).filter((word) => !isStopword(word) && word.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  if (words.length > 1) {
    for (const word of words) if (rankServices(index, word, { limit: 1 }).length > 0) return word;
  }
  return BROAD_WORDS.find((word) => rankServices(index, word, { limit: 1 }).length > 0) ?? BROAD_WORDS[0]!;
}
