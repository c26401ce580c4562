import * as z from 'zod/mini';

/**
 * The search's curated language data beyond synonyms (crisis needs, generic and place words,
 * derivational endings), as the packed index holds it once compiled (lexicon-files.ts), and the
 * rules the search core applies with it. Kept apart from the files' schemas so that the popup's
 * JavaScript carries only this.
 *
 * The compiled lexicon as the packed index holds it (plain JSON). */
export const compiledLexiconSchema = z.strictObject({
  /** Crisis need ids; bit i of a service's crisis mask is crisisNeeds[i]. */
  crisisNeeds: z.array(z.string()),
  /** Indexes packed before crisis patterns: per need, its terms, each a list of folded stems
   *  (a phrase matches when all are present). Read only when crisisPatterns is absent. */
  crisisTerms: z.optional(z.array(z.array(z.array(z.string())))),
  /** Per need: its patterns; a pattern is a list of slots, a slot a list of alternative keys
   *  (see crisis.ts: "x" a key, "x*" a beginning, "*x" an end, "*x*" a part of a query word),
   *  met in the slots' order when `ordered` (Swedish and English), in any order otherwise.
   *  A `soft` pattern (exhaustion, overwhelm: "en jaksa enää") counts only when the query names
   *  no other need the catalogue serves (search.ts); absent, as in indexes packed before, hard.
   *  A `calm` pattern is an exception: its words, side by side in its order, do not count for
   *  the need's other patterns ("väkivaltainen peli", "väkivallaton", "non-violent"). */
  crisisPatterns: z.optional(
    z.array(
      z.array(
        z.strictObject({
          slots: z.array(z.array(z.string())),
          ordered: z.optional(z.boolean()),
          soft: z.optional(z.boolean()),
          calm: z.optional(z.boolean()),
        }),
      ),
    ),
  ),
  /** Light inflection endings [ending, replacement] undone on query words for crisis keys. */
  crisisEndings: z.optional(z.array(z.tuple([z.string(), z.string()]))),
  generic: z.array(z.string()),
  places: z.array(z.tuple([z.string(), z.enum(['vantaa', 'kerava', 'other'])])),
  derivations: z.array(z.tuple([z.string(), z.string()])),
  gradation: z.array(z.tuple([z.string(), z.string()])),
  linkLetters: z.array(z.string()),
});
export type CompiledLexicon = z.infer<typeof compiledLexiconSchema>;
export type CrisisPattern = NonNullable<CompiledLexicon['crisisPatterns']>[number][number];

/**
 * Bases a derived or inflected Finnish word may come from: each listed ending replaced, and the
 * base's consonant gradation undone both ways ("asunnoton" → "asunto", "alkoholisti" →
 * "alkoholi"). Candidates shorter than four letters are left out.
 */
export function derivationBases(lexicon: CompiledLexicon, word: string): string[] {
  const bases = new Set<string>();
  for (const [ending, replacement] of lexicon.derivations) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, word.length - ending.length) + replacement;
    if (base.length >= 4) bases.add(base);
    const stem = word.slice(0, word.length - ending.length);
    for (const [weak, strong] of lexicon.gradation) {
      for (const [from, to] of [[weak, strong], [strong, weak]] as const) {
        // The gradation site is the stem's last consonant cluster.
        const at = stem.lastIndexOf(from);
        if (at < 0 || at < stem.length - from.length - 1) continue;
        const graded = stem.slice(0, at) + to + stem.slice(at + from.length) + replacement;
        if (graded.length >= 4) bases.add(graded);
      }
    }
  }
  bases.delete(word);
  return [...bases];
}
