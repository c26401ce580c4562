// @nlpjs/lang-sv's Snowball Swedish stemmer, built like the Finnish one without the rest of
// @nlpjs/core (utils/wxt-modules/nlpjs-stemmer.ts): a maintained implementation of the algorithm
// (https://snowballstem.org/algorithms/swedish/stemmer.html) instead of our own copy.
import SwedishStemmer from '@nlpjs/lang-sv/src/stemmer-sv.js';
import { foldDiacritics } from './normalise';

/**
 * Swedish Snowball stemming for Swedish service texts and queries:
 * "missbrukare" → "missbruk", "närståendevårdarna" → "närståendevård", "grupperna" → "grupp".
 */
const swedish = new SwedishStemmer();

export function swedishStem(word: string): string {
  return swedish.stem(word);
}

const cache = new Map<string, string>();

/** The folded Swedish stem of a lower-case token, as index terms are written. */
export function swedishStemTerm(token: string): string {
  let stem = cache.get(token);
  if (stem === undefined) {
    stem = foldDiacritics(swedishStem(token));
    if (cache.size > 50_000) cache.clear();
    cache.set(token, stem);
  }
  return stem;
}
