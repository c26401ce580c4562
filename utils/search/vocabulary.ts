import type { Catalogue, Category, Organisation, Service } from '../catalogue/schema';
import { EVERYDAY_SOURCE, type CompiledVocabulary, type NeedsFile, type TagOverridesFile } from '../vocabulary/schema';
import { foldDiacritics, isStopword, normaliseText, tokenise } from './normalise';
import { stemTerms } from './stem';
import type { VocabularyGroup } from './synonyms';

/**
 * The need vocabulary at pack time: which concepts each service meets (its text matched to the
 * concepts' terms, plus the maintainers' overrides), and the synonym groups the search expands
 * query words with. A concept no service is tagged with gives no group, so a need the catalogue
 * does not serve cannot make an unrelated service look like a direct match.
 */

/**
 * Needs file + overrides → the serialisable part an index is packed with (no provenance, except
 * that everyday terms are kept apart: they call a concept up from a query but do not tag
 * services, since "rahat loppu" or "ei jaksa" in a service's text does not say what it offers).
 */
export function compileVocabulary(needs: NeedsFile, overrides: TagOverridesFile): CompiledVocabulary {
  return {
    concepts: needs.concepts.map((concept) => {
      const all = [...concept.terms.fi, ...concept.terms.sv, ...concept.terms.en];
      const terms = [...new Set(all.filter((term) => term.source !== EVERYDAY_SOURCE).map((term) => term.text))];
      const everyday = [...new Set(all.filter((term) => term.source === EVERYDAY_SOURCE).map((term) => term.text))].filter((text) => !terms.includes(text));
      return {
        id: concept.id,
        preferred: [...new Set([concept.preferred.fi, concept.preferred.sv, concept.preferred.en])],
        terms,
        ...(everyday.length > 0 ? { everyday } : {}),
      };
    }),
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

function ownText(service: Service, categories: readonly Category[]): string {
  const categoryNames = service.categories.flatMap((id) => Object.values(categories.find((category) => category.id === id)?.names ?? {}));
  return [service.name, ...Object.values(service.names), ...service.keywords, ...service.targetGroups, ...categoryNames, service.description].join(' · ');
}

/** A text's stems and folded phrase text, as the concepts' terms are matched against them. */
function textParts(text: string) {
  const tokens = tokenise(text).filter((token) => !isStopword(token));
  return { stems: new Set(tokens.flatMap((token) => stemTerms(token))), phraseText: ` ${fold(tokens.join(' '))} ` };
}

/**
 * The concepts whose terms a text has: a word term by any of its stems (of three letters or
 * more), a phrase term by its folded words in a row. Looked up from the text's side (stem →
 * concepts, a phrase only when the text has its first word), not by trying every term of every
 * concept on every service: the packer tags 100,000 services.
 */
function conceptMatcher(vocabulary: CompiledVocabulary): (text: string) => string[] {
  const byStem = new Map<string, Set<number>>();
  const byFirstWord = new Map<string, Array<{ phrase: string; concept: number }>>();
  const anywhere: Array<{ phrase: string; concept: number }> = [];
  vocabulary.concepts.forEach((concept, at) => {
    for (const term of concept.terms.map(termMatcher)) {
      if ('stems' in term) {
        for (const stem of term.stems) {
          if (stem.length < 3) continue;
          const concepts = byStem.get(stem) ?? new Set<number>();
          concepts.add(at);
          byStem.set(stem, concepts);
        }
        continue;
      }
      // " a b " can only be in a text with the word "a" between spaces; an odd phrase is tried on every text.
      const first = term.phrase.slice(1).split(' ')[0]!;
      const entry = { phrase: term.phrase, concept: at };
      if (first === '') anywhere.push(entry);
      else byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), entry]);
    }
  });
  return (text) => {
    const { stems, phraseText } = textParts(text);
    const found = new Set<number>();
    for (const stem of stems) for (const at of byStem.get(stem) ?? []) found.add(at);
    const tryPhrase = ({ phrase, concept }: { phrase: string; concept: number }) => {
      if (!found.has(concept) && phraseText.includes(phrase)) found.add(concept);
    };
    for (const word of new Set(phraseText.split(' '))) for (const entry of byFirstWord.get(word) ?? []) tryPhrase(entry);
    anywhere.forEach(tryPhrase);
    return [...found].sort((a, b) => a - b).map((at) => vocabulary.concepts[at]!.id);
  };
}

/**
 * Tags services one at a time (the chunked packer streams them). A service is tagged by its own
 * fields (name, description, keywords, target groups, categories), plus the maintainers'
 * overrides: see() gives these at once. A need its organisation names goes to the
 * organisation's services whose own fields name it; only when none does (nothing tells which
 * service meets it) to all of them — so that every service of an organisation does not get all
 * the organisation's needs (a settlement's volunteer course is not its debt advice). Which needs
 * no service claims is known only when every service is in: unclaimed() and served() answer then.
 */
export function createServiceTagger(organisations: readonly Organisation[], categories: readonly Category[], vocabulary: CompiledVocabulary) {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const known = new Set(vocabulary.concepts.map((concept) => concept.id));
  const conceptsIn = conceptMatcher(vocabulary);
  const organisationConcepts = new Map([...byId].map(([id, organisation]) => [id, conceptsIn(organisation.keywords.join(' · '))]));
  const claimed = new Map<string, Set<string>>();
  /** Per organisation: its services, and how many of them have each concept removed. */
  const serviceCounts = new Map<string, number>();
  const removedCounts = new Map<string, Map<string, number>>();
  const direct = new Set<string>();

  const unclaimed = (organisationId: string): string[] => {
    const claims = claimed.get(organisationId);
    return (organisationConcepts.get(organisationId) ?? []).filter((id) => !claims?.has(id));
  };

  return {
    /** The service's concepts from its own fields and the overrides, sorted; every service of the catalogue goes through here once. */
    see(service: Service): string[] {
      const found = new Set(conceptsIn(ownText(service, categories)));
      const claims = claimed.get(service.organisationId) ?? new Set<string>();
      for (const id of found) claims.add(id);
      claimed.set(service.organisationId, claims);
      serviceCounts.set(service.organisationId, (serviceCounts.get(service.organisationId) ?? 0) + 1);
      for (const id of vocabulary.add[service.id] ?? []) if (known.has(id)) found.add(id);
      const removed = vocabulary.remove[service.id] ?? [];
      if (removed.length > 0) {
        const counts = removedCounts.get(service.organisationId) ?? new Map<string, number>();
        for (const id of new Set(removed)) counts.set(id, (counts.get(id) ?? 0) + 1);
        removedCounts.set(service.organisationId, counts);
      }
      for (const id of removed) found.delete(id);
      for (const id of found) direct.add(id);
      return [...found].sort();
    },
    /**
     * Of a service's tags, those its name or keywords carry: what the service is, not a need its
     * description mentions in passing (loneliness is a tag of 17 services; search ranks first the
     * ones named for it, see chunked-pack.ts). A tag through the organisation is never named: a
     * need the service's own name or keywords carried would have been its own tag.
     */
    named(service: Service, tags: readonly string[]): string[] {
      if (tags.length === 0) return [];
      const carried = new Set(conceptsIn([service.name, ...Object.values(service.names), ...service.keywords].join(' · ')));
      return tags.filter((id) => carried.has(id));
    },
    /** The organisation's needs that none of its services' own fields name: each of its services gets them (unless removed). */
    unclaimed,
    /** Concepts at least one service is tagged with, once every service has been seen. */
    served(): Set<string> {
      const served = new Set(direct);
      for (const [organisationId, count] of serviceCounts) {
        const removed = removedCounts.get(organisationId);
        for (const id of unclaimed(organisationId)) if ((removed?.get(id) ?? 0) < count) served.add(id);
      }
      return served;
    },
  };
}

/** service id → concept ids (sorted), for every service of the catalogue (see createServiceTagger). */
export function tagServices(catalogue: Catalogue, vocabulary: CompiledVocabulary): Record<string, string[]> {
  const tagger = createServiceTagger(catalogue.organisations, catalogue.categories, vocabulary);
  const services = [...catalogue.services].sort((a, b) => a.id.localeCompare(b.id, 'en'));
  const direct = new Map(services.map((service) => [service.id, tagger.see(service)]));
  const tags: Record<string, string[]> = {};
  for (const service of services) {
    const found = new Set(direct.get(service.id));
    const removed = vocabulary.remove[service.id] ?? [];
    for (const id of tagger.unclaimed(service.organisationId)) if (!removed.includes(id)) found.add(id);
    tags[service.id] = [...found].sort();
  }
  return tags;
}

/** The index term a concept tag is posted under: no typed word can be it (tokens have no "~"). */
export const conceptTerm = (id: string) => `~${id}`;

/**
 * One group per concept that at least one service is tagged with: the concept's terms (words and
 * phrases, everyday and professional, fi/sv/en) call it up, and it expands to the concept's own
 * index term, which only the services tagged with the concept carry. So a word of the concept
 * reaches exactly the services that meet it, each by the same term (one idf, spread over the
 * tagged services), and a service tagged with two concepts of a query gets both. A concept no
 * service is tagged with gives no group, so an unserved need cannot make a service direct.
 * (Expanding to all of a concept's terms instead let a rare term, with a high idf, outrank the
 * services using the typed word itself: "yksinäisyys", "asunnoton" lost their first hit.)
 */
export function vocabularyGroups(vocabulary: CompiledVocabulary, tags: Record<string, string[]>): VocabularyGroup[] {
  return servedVocabularyGroups(vocabulary, new Set(Object.values(tags).flat()));
}

/** vocabularyGroups for the concepts some service is tagged with (everyday terms call them up too). */
export function servedVocabularyGroups(vocabulary: CompiledVocabulary, served: ReadonlySet<string>): VocabularyGroup[] {
  return vocabulary.concepts.filter((concept) => served.has(concept.id)).map((concept) => ({ targets: [conceptTerm(concept.id)], triggers: [...concept.terms, ...(concept.everyday ?? [])] }));
}
