import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';

/** fuse.js settings for correcting a typo against the index vocabulary. */
const VOCABULARY_FUSE_OPTIONS: IFuseOptions<string> = {
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

/**
 * Whether a text holds at least `needed` of the pattern's characters (counted with repeats,
 * by code point). The pattern's characters get small slots once per pattern; each text is then
 * counted without allocating anything, because this runs over the whole vocabulary per typo.
 */
function characterSharing(pattern: string) {
  const slotOf = new Map<number, number>();
  const wanted: number[] = [];
  for (const character of pattern) {
    const code = character.codePointAt(0)!;
    const slot = slotOf.get(code);
    if (slot === undefined) {
      slotOf.set(code, wanted.length);
      wanted.push(1);
    } else wanted[slot]! += 1;
  }
  // Basic-plane characters find their slot in a table (0 = not in the pattern), others in the map.
  const basicSlot = new Uint8Array(0x10000);
  for (const [code, slot] of slotOf) if (code < 0x10000) basicSlot[code] = slot + 1;
  const used = new Int32Array(wanted.length);
  return (text: string, needed: number): boolean => {
    used.fill(0);
    let shared = 0;
    for (let at = 0; at < text.length; at++) {
      let code = text.charCodeAt(at);
      let slot: number;
      if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
        const low = text.charCodeAt(at + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = text.codePointAt(at)!;
          at += 1;
        }
      }
      if (code < 0x10000) slot = basicSlot[code]! - 1;
      else slot = slotOf.get(code) ?? -1;
      if (slot >= 0 && used[slot]! < wanted[slot]!) {
        used[slot]! += 1;
        if (++shared >= needed) return true;
      }
    }
    return shared >= needed;
  };
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
    const sharesCharacters = characterSharing(pattern);
    const candidates = terms.filter(
      (term) =>
        term.length >= m - maxErrors &&
        sharesCharacters(term, m - maxErrors) &&
        substringEditDistance(pattern, term) <= maxErrors,
    );
    if (candidates.length === 0) return [];
    return new Fuse(candidates, VOCABULARY_FUSE_OPTIONS).search(pattern, { limit });
  };
}
