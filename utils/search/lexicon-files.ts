import { z } from 'zod';
import crisisNeedsJson from '../../data/crisis-needs.json' with { type: 'json' };
import morphologyJson from '../../data/morphology.json' with { type: 'json' };
import queryWordsJson from '../../data/query-words.json' with { type: 'json' };
import type { CompiledLexicon, CrisisPattern } from './lexicon';
import { crisisKeys } from './crisis';
import { foldDiacritics, normaliseText, tokenise } from './normalise';
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
  /** Named word sets a term may use as one slot: "{self-fi}" (pronouns, reflexives …). */
  slots: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().min(1))).optional(),
  /** Light inflection endings [ending, replacement] undone for crisis words (crisis.ts). */
  endings: z.array(z.tuple([z.string().min(1), z.string()])).optional(),
  needs: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      names: z.strictObject({ fi: z.string(), sv: z.string(), en: z.string() }),
      terms: localisedTerms,
      /** Patterns with an everyday meaning too (exhaustion, overwhelm): they express the need
       *  only when the query names no other need the catalogue serves (search.ts). */
      softTerms: localisedTerms.optional(),
      /** Word pairs in which a crisis word means no crisis ("väkivaltainen peli", "väkivallaton",
       *  "non-violent"): their words, side by side in this order, do not count for the need. */
      calmTerms: localisedTerms.optional(),
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
type CrisisNeedsFile = z.infer<typeof crisisNeedsFileSchema>;
type QueryWordsFile = z.infer<typeof queryWordsFileSchema>;
type MorphologyFile = z.infer<typeof morphologyFileSchema>;

export interface LexiconFiles {
  crisisNeeds: CrisisNeedsFile;
  queryWords: QueryWordsFile;
  morphology: MorphologyFile;
}

const firstStem = (word: string) => stemTerms(word)[0] ?? foldDiacritics(word);

/**
 * A crisis term as slots of alternative keys (see crisis.ts): words separated by spaces are
 * slots, "a|b" are alternatives, "{name}" a named slot of the file, "x*"/"*x"/"*x*" explicit
 * beginnings, ends and parts; any other word stands for its keys (stems, undone endings).
 */
function compileCrisisTerm(file: CrisisNeedsFile, keysOf: (word: string) => Set<string>, term: string, ordered: boolean, kind: 'hard' | 'soft' | 'calm' = 'hard'): CrisisPattern {
  // Swedish and English words are ordered patterns (`ordered`); a base left by undoing their
  // inflection ending ("battered" → "batter") must meet a query word exactly ("=batter"), or it
  // would begin unrelated words ("battery", "batteries"). The query side undoes the same endings,
  // so "battering" still meets it. Finnish keys keep beginning longer words (its inflections).
  const exactBases = ordered;
  const alternativesOf = (word: string, seen: Set<string>): string[] =>
    word.split('|').flatMap((alternative) => {
      const slot = /^\{([a-z0-9-]+)\}$/.exec(alternative)?.[1];
      if (slot) {
        const words = file.slots?.[slot];
        if (!words) throw new Error(`crisis term "${term}": no slot "${slot}" in data/crisis-needs.json`);
        if (seen.has(slot)) throw new Error(`crisis term "${term}": slot "${slot}" refers to itself`);
        return words.flatMap((inner) => alternativesOf(inner, new Set([...seen, slot])));
      }
      const folded = foldDiacritics(normaliseText(alternative)).replace(/[^\p{L}\p{N}*]/gu, '');
      if (folded.includes('*')) return [folded];
      // Short stems ("its" of "itsensä", "abus" of "abused" meeting "abuse") would meet
      // unrelated words: a short form is written out in the file.
      const written = new Set([folded, ...stemTerms(alternative)]);
      return [...keysOf(alternative.replace(/[^\p{L}\p{N}]/gu, ''))]
        .filter((key) => key === folded || key.length >= 5)
        .map((key) => (exactBases && !written.has(key) ? `=${key}` : key));
    });
  // "~" before a Swedish or English term: its words in any order ("~plötsligt dog").
  const anyOrder = term.startsWith('~');
  const slots = term
    .replace(/^~/, '')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => [...new Set(alternativesOf(word, new Set()))].sort());
  if (kind === 'calm') return { slots, calm: true };
  return { slots, ...(ordered && !anyOrder && slots.length > 1 ? { ordered: true } : {}), ...(kind === 'soft' ? { soft: true } : {}) };
}

export function compileLexicon(files: LexiconFiles): CompiledLexicon {
  const all = (terms: z.infer<typeof localisedTerms>) => [...terms.fi, ...terms.sv, ...terms.en];
  const places: CompiledLexicon['places'] = [];
  for (const city of ['vantaa', 'kerava', 'other'] as const) {
    for (const place of files.queryWords.places[city]) places.push([firstStem(place.toLocaleLowerCase('fi')), city]);
  }
  const morphology = {
    derivations: files.morphology.derivations.map(([ending, replacement]) => [foldDiacritics(ending), foldDiacritics(replacement)] as [string, string]),
    gradation: files.morphology.gradation,
    crisisEndings: (files.crisisNeeds.endings ?? []).map(([ending, replacement]) => [foldDiacritics(ending), foldDiacritics(replacement)] as [string, string]),
  };
  const keysOf = (word: string) => crisisKeys(morphology, normaliseText(word));
  // Finnish word order is free; Swedish and English keep theirs.
  const compileTerms = (terms: z.infer<typeof localisedTerms> | undefined, kind: 'hard' | 'soft' | 'calm') =>
    terms
      ? [
          ...terms.fi.map((term) => compileCrisisTerm(files.crisisNeeds, keysOf, term, false, kind)),
          ...[...terms.sv, ...terms.en].map((term) => compileCrisisTerm(files.crisisNeeds, keysOf, term, true, kind)),
        ]
      : [];
  return {
    crisisNeeds: files.crisisNeeds.needs.map((need) => need.id),
    crisisPatterns: files.crisisNeeds.needs.map((need) => [
      ...compileTerms(need.terms, 'hard'),
      ...compileTerms(need.softTerms, 'soft'),
      ...compileTerms(need.calmTerms, 'calm'),
    ]),
    crisisEndings: morphology.crisisEndings,
    generic: [...new Set(all(files.queryWords.generic).flatMap((word) => tokenise(word).map(firstStem)))].sort(),
    places,
    derivations: morphology.derivations,
    gradation: morphology.gradation,
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
