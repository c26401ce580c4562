import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';

/** fuse.js settings for correcting a typo against the index vocabulary. */
export const VOCABULARY_FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  threshold: 0.34,
  ignoreLocation: true,
  minMatchCharLength: 3,
};
/** fuse.js's bitap works on patterns of up to 32 characters; longer ones take its own path. */
const BITAP_MAX = 32;

/**
 * Least edits (insert, delete, substitute) that turn `pattern` into some substring of `text`
 * (Sellers' dynamic programme): what fuse.js's bitap with `ignoreLocation` counts as errors.
 */
export function substringEditDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const character = text.charCodeAt(j);
    // column holds the previous text position's values; `diagonal` the one above-left.
    let diagonal = column[0]!;
    column[0] = 0;
    for (let i = 1; i <= m; i++) {
      const above = column[i]!;
      const substitute = diagonal + (pattern.charCodeAt(i - 1) === character ? 0 : 1);
      column[i] = Math.min(substitute, above + 1, column[i - 1]! + 1);
      diagonal = above;
    }
    if (column[m]! < best) best = column[m]!;
  }
  return best;
}

/** Whether `text` holds at least `needed` of the pattern's characters (counted with repeats). */
function sharesCharacters(counts: Map<string, number>, text: string, needed: number): boolean {
  const left = new Map(counts);
  let shared = 0;
  for (const character of text) {
    const count = left.get(character);
    if (count) {
      left.set(character, count - 1);
      if (++shared >= needed) return true;
    }
  }
  return shared >= needed;
}

/**
 * fuse.js's answer over the whole vocabulary, computed over the few terms that can be in it.
 * fuse.js scores a term by bitap errors ÷ pattern length (with `ignoreLocation`) and keeps
 * those within the threshold, ties in list order; so any term it returns is within
 * threshold × length edits of the pattern, and the same list order is kept here. Cheap
 * necessary conditions (length, shared characters) and the exact edit count pick those terms;
 * fuse.js then ranks them as it would have, at a fraction of the cost on large vocabularies.
 */
export function createVocabularyMatcher(terms: readonly string[]) {
  let whole: Fuse<string> | undefined;
  return (pattern: string, limit: number): Array<FuseResult<string>> => {
    const m = pattern.length;
    if (m > BITAP_MAX) {
      whole ??= new Fuse(terms, VOCABULARY_FUSE_OPTIONS);
      return whole.search(pattern, { limit });
    }
    // fuse.js keeps errors ÷ length ≤ threshold; for patterns this short the product has no
    // rounding trouble (0.34 × m is a whole number only when m is a multiple of 50).
    const maxErrors = Math.floor((VOCABULARY_FUSE_OPTIONS.threshold ?? 0.6) * m);
    const counts = new Map<string, number>();
    for (const character of pattern) counts.set(character, (counts.get(character) ?? 0) + 1);
    const candidates = terms.filter(
      (term) =>
        term.length >= m - maxErrors &&
        sharesCharacters(counts, term, m - maxErrors) &&
        substringEditDistance(pattern, term) <= maxErrors,
    );
    if (candidates.length === 0) return [];
    return new Fuse(candidates, VOCABULARY_FUSE_OPTIONS).search(pattern, { limit });
  };
}
