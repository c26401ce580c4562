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

/** Curated need words, compiled once: which groups a stem or phrase belongs to, and each group's terms. */
export interface SynonymTable {
  groupsByStem: Map<string, number[]>;
  phrases: Array<{ phrase: string; group: number }>;
  termsByGroup: string[][];
}

export function compileSynonyms(file: SynonymFile): SynonymTable {
  const groupsByStem = new Map<string, number[]>();
  const phrases: SynonymTable['phrases'] = [];
  const termsByGroup: string[][] = [];
  file.groups.forEach((members, group) => {
    const terms = new Set<string>();
    for (const member of members) {
      const tokens = tokenise(member);
      if (tokens.length === 1 || (tokens.length > 1 && !/\s/.test(member.trim()))) {
        // A single word (or a hyphenated one such as "ruoka-apu", whose joined form is last).
        const word = tokens[tokens.length - 1]!;
        for (const stem of stemTerms(word)) {
          terms.add(stem);
          const groups = groupsByStem.get(stem) ?? [];
          if (!groups.includes(group)) groups.push(group);
          groupsByStem.set(stem, groups);
        }
      } else {
        phrases.push({ phrase: foldDiacritics(normaliseText(tokens.join(' '))), group });
      }
    }
    termsByGroup.push([...terms]);
  });
  return { groupsByStem, phrases, termsByGroup };
}
