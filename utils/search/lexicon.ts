import { z } from 'zod';
import { foldDiacritics, tokenise } from './normalise';
import { stemTerms } from './stem';

/**
 * The search's curated language data beyond synonyms, compiled at pack time into the packed
 * index (so the popup's JavaScript stays small and a feed's index carries its own):
 * - data/crisis-needs.json: crisis needs with their fi/sv/en terms (crisis services first);
 * - data/query-words.json: generic words (weigh little) and place names (a city filter);
 * - data/morphology.json: Finnish derivational endings, consonant gradation, linking letters.
 */
const localisedTerms = z.strictObject({ fi: z.array(z.string().min(2)), sv: z.array(z.string().min(2)), en: z.array(z.string().min(2)) });

export const crisisNeedsFileSchema = z.strictObject({
  about: z.string(),
  needs: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      names: z.strictObject({ fi: z.string(), sv: z.string(), en: z.string() }),
      terms: localisedTerms,
    }),
  ),
});
export const queryWordsFileSchema = z.strictObject({
  about: z.string(),
  generic: localisedTerms,
  places: z.strictObject({ vantaa: z.array(z.string()), kerava: z.array(z.string()), other: z.array(z.string()) }),
});
export const morphologyFileSchema = z.strictObject({
  about: z.string(),
  derivations: z.array(z.tuple([z.string().min(1), z.string()])),
  gradation: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  linkLetters: z.array(z.string().length(1)),
});
export type CrisisNeedsFile = z.infer<typeof crisisNeedsFileSchema>;
export type QueryWordsFile = z.infer<typeof queryWordsFileSchema>;
export type MorphologyFile = z.infer<typeof morphologyFileSchema>;

/** The compiled lexicon as the packed index holds it (plain JSON). */
export const compiledLexiconSchema = z.strictObject({
  /** Crisis need ids; bit i of a service's crisis mask is crisisNeeds[i]. */
  crisisNeeds: z.array(z.string()),
  /** Per need: its terms, each a list of folded stems (a phrase matches when all are present). */
  crisisTerms: z.array(z.array(z.array(z.string()))),
  generic: z.array(z.string()),
  places: z.array(z.tuple([z.string(), z.enum(['vantaa', 'kerava', 'other'])])),
  derivations: z.array(z.tuple([z.string(), z.string()])),
  gradation: z.array(z.tuple([z.string(), z.string()])),
  linkLetters: z.array(z.string()),
});
export type CompiledLexicon = z.infer<typeof compiledLexiconSchema>;

export interface LexiconFiles {
  crisisNeeds: CrisisNeedsFile;
  queryWords: QueryWordsFile;
  morphology: MorphologyFile;
}

const firstStem = (word: string) => stemTerms(word)[0] ?? foldDiacritics(word);

export function compileLexicon(files: LexiconFiles): CompiledLexicon {
  const all = (terms: z.infer<typeof localisedTerms>) => [...terms.fi, ...terms.sv, ...terms.en];
  const places: CompiledLexicon['places'] = [];
  for (const city of ['vantaa', 'kerava', 'other'] as const) {
    for (const place of files.queryWords.places[city]) places.push([firstStem(place.toLocaleLowerCase('fi')), city]);
  }
  return {
    crisisNeeds: files.crisisNeeds.needs.map((need) => need.id),
    crisisTerms: files.crisisNeeds.needs.map((need) => all(need.terms).map((term) => tokenise(term).map(firstStem))),
    generic: [...new Set(all(files.queryWords.generic).flatMap((word) => tokenise(word).map(firstStem)))].sort(),
    places,
    derivations: files.morphology.derivations.map(([ending, replacement]) => [foldDiacritics(ending), foldDiacritics(replacement)]),
    gradation: files.morphology.gradation,
    linkLetters: files.morphology.linkLetters,
  };
}

/** Minimum stem length for a crisis term to match longer query stems by their beginning. */
const CRISIS_PREFIX_MIN = 5;

/** The crisis needs (indexes into lexicon.crisisNeeds) that query stems express. */
export function crisisNeedsOf(lexicon: CompiledLexicon, queryStems: readonly string[]): number[] {
  const has = (stem: string) => queryStems.some((query) => query === stem || (stem.length >= CRISIS_PREFIX_MIN && query.startsWith(stem)));
  const found: number[] = [];
  lexicon.crisisTerms.forEach((terms, need) => {
    if (terms.some((stems) => stems.length > 0 && stems.every(has))) found.push(need);
  });
  return found;
}

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
