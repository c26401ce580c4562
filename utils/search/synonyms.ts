import * as z from 'zod/mini';
import { foldDiacritics, normaliseText, tokenise } from './normalise';
import { stemTerms } from './stem';
import { compiledVocabularySchema } from '../vocabulary/schema';

export const synonymFileSchema = z.strictObject({
  about: z.string(),
  groups: z.array(z.array(z.string().check(z.minLength(2))).check(z.minLength(2))),
  /** The need vocabulary (data/vocabulary/), compiled: the packer tags services and adds its groups. */
  vocabulary: z.optional(compiledVocabularySchema),
});
export type SynonymFile = z.infer<typeof synonymFileSchema>;

/** A multi-word term: its folded text, its group, and (when compiled with a lexicon) its words'
 *  keys as slots, matched like crisis patterns so inflected and reordered wordings meet it. */
interface SynonymPhrase {
  phrase: string;
  group: number;
  slots?: string[][];
}

/** Curated need words, compiled once: which groups a stem or phrase belongs to, and each group's terms. */
export interface SynonymTable {
  groupsByStem: Map<string, number[]>;
  phrases: SynonymPhrase[];
  termsByGroup: string[][];
  /** Groups from this index on come from the need vocabulary and weigh less than hand-made ones. */
  vocabularyFrom?: number;
}

/** A need-vocabulary group: its `triggers` (the concept's terms) call it up, and it expands to
 *  `targets`, index terms as they are (the concept's own term, see vocabulary.ts). */
export interface VocabularyGroup {
  targets: string[];
  triggers: string[];
}

/** Every person of the Finnish negation verb, with and without the clitic -kä (folded, sorted). */
const FINNISH_NEGATION = ['ei', 'eika', 'eivat', 'eivatka', 'emme', 'emmeka', 'en', 'enka', 'et', 'etka', 'ette', 'etteka'];

const isSingleWord = (member: string, tokens: string[]) => tokens.length === 1 || (tokens.length > 1 && !/\s/.test(member.trim()));

/**
 * `keysOf` (the crisis key function with the lexicon, see crisis.ts) makes phrases match by
 * their words' keys in any order within a short window: "laskut kasaantuu" meets "laskuja on
 * kasaantunut", "rahat ei riitä" meets "rahaa ei riittänyt". Without it, phrases match as text.
 */
export function compileSynonyms(file: SynonymFile, vocabularyGroups: readonly VocabularyGroup[] = [], keysOf?: (word: string) => Iterable<string>): SynonymTable {
  const groupsByStem = new Map<string, number[]>();
  const phrases: SynonymPhrase[] = [];
  const termsByGroup: string[][] = [];
  const slotsOf = (tokens: string[]) =>
    tokens.map((token) => {
      const folded = foldDiacritics(token);
      // Finnish negation is a verb conjugated by person, with the clitic -kä: a phrase's "ei"
      // ("ei näe ketään") meets "en", "eivät", "eikä" … as the stemmer cannot make them meet.
      if (folded === 'ei') return [...FINNISH_NEGATION];
      // Short keys would meet unrelated words; a short word is kept as written.
      return [...new Set([...keysOf!(token)].filter((key) => key === folded || key.length >= 4))].sort();
    });
  const all = [...file.groups.map((members) => ({ members, targets: undefined as string[] | undefined })), ...vocabularyGroups.map((entry) => ({ members: entry.triggers, targets: entry.targets }))];
  all.forEach(({ members, targets }, group) => {
    const terms = new Set<string>(targets ?? []);
    for (const member of members) {
      const tokens = tokenise(member);
      if (tokens.length === 0) continue;
      if (isSingleWord(member, tokens)) {
        // A single word (or a hyphenated one such as "ruoka-apu", whose joined form is last).
        const word = tokens[tokens.length - 1]!;
        for (const stem of stemTerms(word)) {
          if (!targets) terms.add(stem);
          const groups = groupsByStem.get(stem) ?? [];
          if (!groups.includes(group)) groups.push(group);
          groupsByStem.set(stem, groups);
        }
      } else {
        const phrase = foldDiacritics(normaliseText(tokens.join(' ')));
        phrases.push(keysOf ? { phrase, group, slots: slotsOf(tokens) } : { phrase, group });
      }
    }
    termsByGroup.push([...terms]);
  });
  return { groupsByStem, phrases, termsByGroup, ...(vocabularyGroups.length > 0 ? { vocabularyFrom: file.groups.length } : {}) };
}
