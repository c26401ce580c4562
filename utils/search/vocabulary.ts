import type { Catalogue, Organisation, Service } from '../catalogue/schema';
import type { CompiledVocabulary, NeedsFile, TagOverridesFile } from '../vocabulary/schema';
import { foldDiacritics, isStopword, normaliseText, tokenise } from './normalise';
import { stemTerms } from './stem';

/**
 * The need vocabulary at pack time: which concepts each service meets (its text matched to the
 * concepts' terms, plus the maintainers' overrides), and the synonym groups the search expands
 * query words with. A concept no service is tagged with gives no group, so a need the catalogue
 * does not serve cannot make an unrelated service look like a direct match.
 */

/** Needs file + overrides → the serialisable part an index is packed with (no provenance). */
export function compileVocabulary(needs: NeedsFile, overrides: TagOverridesFile): CompiledVocabulary {
  return {
    concepts: needs.concepts.map((concept) => ({
      id: concept.id,
      preferred: [...new Set([concept.preferred.fi, concept.preferred.sv, concept.preferred.en])],
      terms: [...new Set([...concept.terms.fi, ...concept.terms.sv, ...concept.terms.en].map((term) => term.text))],
    })),
    add: overrides.add,
    remove: overrides.remove,
  };
}

const fold = (text: string) => foldDiacritics(normaliseText(text));

/** A term as it is matched: a single word by its stems, several words as a folded phrase. */
function termMatcher(term: string): { stems: string[] } | { phrase: string } {
  const tokens = tokenise(term);
  if (tokens.length === 1 || (tokens.length > 1 && !/\s/.test(term.trim()))) return { stems: stemTerms(tokens[tokens.length - 1]!) };
  return { phrase: ` ${fold(tokens.join(' '))} ` };
}

function serviceText(service: Service, organisation: Organisation | undefined, catalogue: Catalogue): string {
  const categoryNames = service.categories.flatMap((id) => Object.values(catalogue.categories.find((category) => category.id === id)?.names ?? {}));
  return [service.name, ...Object.values(service.names), ...service.keywords, ...(organisation?.keywords ?? []), ...service.targetGroups, ...categoryNames, service.description].join(' · ');
}

/** service id → concept ids (sorted), for every service of the catalogue. */
export function tagServices(catalogue: Catalogue, vocabulary: CompiledVocabulary): Record<string, string[]> {
  const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
  const matchers = vocabulary.concepts.map((concept) => ({ id: concept.id, matchers: concept.terms.map(termMatcher) }));
  const known = new Set(vocabulary.concepts.map((concept) => concept.id));
  const tags: Record<string, string[]> = {};
  for (const service of [...catalogue.services].sort((a, b) => a.id.localeCompare(b.id, 'en'))) {
    const text = serviceText(service, organisations.get(service.organisationId), catalogue);
    const tokens = tokenise(text).filter((token) => !isStopword(token));
    const stems = new Set(tokens.flatMap((token) => stemTerms(token)));
    const phraseText = ` ${fold(tokens.join(' '))} `;
    const found = new Set<string>();
    for (const { id, matchers: terms } of matchers) {
      const hit = terms.some((term) => ('stems' in term ? term.stems.some((stem) => stem.length >= 3 && stems.has(stem)) : phraseText.includes(term.phrase)));
      if (hit) found.add(id);
    }
    for (const id of vocabulary.add[service.id] ?? []) if (known.has(id)) found.add(id);
    for (const id of vocabulary.remove[service.id] ?? []) found.delete(id);
    tags[service.id] = [...found].sort();
  }
  return tags;
}

/**
 * Synonym groups from the concepts that at least one service is tagged with. A concept sharing a
 * word with a hand-made group of data/synonyms.json is left to that group: a second, wider group
 * for the same word would let a rare term of it (high idf) outrank the services that use the
 * typed word itself (measured: "yksinäisyys", "asunnoton", "unohtelee" lost their first hit).
 */
export function vocabularyGroups(vocabulary: CompiledVocabulary, tags: Record<string, string[]>, curatedGroups: readonly string[][] = []): string[][] {
  const served = new Set(Object.values(tags).flat());
  const curatedStems = new Set(curatedGroups.flat().flatMap((term) => (/\s/.test(term.trim()) ? [] : stemTerms(term))));
  const overlaps = (terms: string[]) => terms.some((term) => !/\s/.test(term.trim()) && stemTerms(term).some((stem) => curatedStems.has(stem)));
  return vocabulary.concepts
    .filter((concept) => served.has(concept.id) && concept.terms.length >= 2 && !overlaps(concept.terms))
    .map((concept) => concept.terms);
}
