/**
 * Limits on what one keystroke may cost (issue 12, item 2). A nurse types a need in a few
 * words; a pasted referral letter or URL must not freeze the popup. The search box has
 * `maxLength = QUERY_MAX_LENGTH`, and the search core caps again, so the CLI, the popup and any
 * other caller cost the same bounded time whatever they are given.
 */

/** Characters of the query that are searched at all (the box takes no more). */
export const QUERY_MAX_LENGTH = 150;
/** Query words searched, after stop words are dropped; a need is a handful of words. */
export const QUERY_MAX_WORDS = 8;
/** A word is cut to this many characters (Finnish compounds rarely pass 30). */
const WORD_MAX_LENGTH = 40;
/**
 * Typo correction (fuse.js over the vocabulary, an edit-distance pass per candidate) is tried
 * only up to this length: a longer word is a compound (split into known parts instead), a code
 * or junk, and fuzzy matching it costs most and helps least.
 */
export const FUZZY_MAX_WORD_LENGTH = 24;

/** The part of the query that is searched. */
export function capQuery(query: string): string {
  return query.length > QUERY_MAX_LENGTH ? query.slice(0, QUERY_MAX_LENGTH) : query;
}

/** The first query words, each cut to `WORD_MAX_LENGTH`. */
export function capWords(words: string[]): string[] {
  return words.slice(0, QUERY_MAX_WORDS).map((word) => (word.length > WORD_MAX_LENGTH ? word.slice(0, WORD_MAX_LENGTH) : word));
}
