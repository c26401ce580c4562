import { z } from 'zod';
import crisisNeedsJson from '../../data/crisis-needs.json' with { type: 'json' };
import morphologyJson from '../../data/morphology.json' with { type: 'json' };
import queryWordsJson from '../../data/query-words.json' with { type: 'json' };
import type { CompiledLexicon } from './lexicon';
import { foldDiacritics, tokenise } from './normalise';
import { stemTerms } from './stem';

/**
 * The curated lexicon files, compiled at pack time into the packed index (so a feed's index
 * carries its own and the popup never parses them):
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

/** The repository's curated lexicon files (data/), validated and compiled: what the build packs. */
export function bundledLexicon(): CompiledLexicon {
  return compileLexicon({
    crisisNeeds: crisisNeedsFileSchema.parse(crisisNeedsJson),
    queryWords: queryWordsFileSchema.parse(queryWordsJson),
    morphology: morphologyFileSchema.parse(morphologyJson),
  });
}
