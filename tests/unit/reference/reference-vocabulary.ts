/** tagServices and vocabularyGroups as they were before the chunked packer (see reference-pack.ts). */
import type { Catalogue, Service } from '@/utils/catalogue/schema';
import type { CompiledVocabulary } from '@/utils/vocabulary/schema';
import { foldDiacritics, isStopword, normaliseText, tokenise } from '@/utils/search/normalise';
import { stemTerms } from '@/utils/search/stem';
import type { VocabularyGroup } from '@/utils/search/synonyms';

/**
 * The need vocabulary at pack time: which concepts each service meets (its text matched to the
 * concepts' terms, plus the maintainers' overrides), and the synonym groups the search expands
 * query words with. A concept no service is tagged with gives no group, so a need the catalogue
 * does not serve cannot make an unrelated service look like a direct match.
 */

const fold = (text: string) => foldDiacritics(normaliseText(text));

/** A term as it is matched: a single word by its stems, several words as a folded phrase. */
function termMatcher(term: string): { stems: string[] } | { phrase: string } {
  const tokens = tokenise(term);
  if (tokens.length === 1 || (tokens.length > 1 && !/\s/.test(term.trim()))) return { stems: stemTerms(tokens[tokens.length - 1]!) };
  return { phrase: ` ${fold(tokens.join(' '))} ` };
}

function ownText(service: Service, catalogue: Catalogue): string {
  const categoryNames = service.categories.flatMap((id) => Object.values(catalogue.categories.find((category) => category.id === id)?.names ?? {}));
  return [service.name, ...Object.values(service.names), ...service.keywords, ...service.targetGroups, ...categoryNames, service.description].join(' · ');
}

/** A text's stems and folded phrase text, as the concepts' terms are matched against them. */
function textMatcher(text: string) {
  const tokens = tokenise(text).filter((token) => !isStopword(token));
  const stems = new Set(tokens.flatMap((token) => stemTerms(token)));
  const phraseText = ` ${fold(tokens.join(' '))} `;
  return (term: ReturnType<typeof termMatcher>) => ('stems' in term ? term.stems.some((stem) => stem.length >= 3 && stems.has(stem)) : phraseText.includes(term.phrase));
}

/**
 * service id → concept ids (sorted), for every service of the catalogue. A service is tagged by
 * its own fields (name, description, keywords, target groups, categories). A need its
 * organisation names goes to the organisation's services whose own fields name it; only when none
 * does (nothing tells which service meets it) to all of them — so that every service of an
 * organisation does not get all the organisation's needs (a settlement's volunteer course is not
 * its debt advice).
 */
export function tagServices(catalogue: Catalogue, vocabulary: CompiledVocabulary): Record<string, string[]> {
  const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
  const matchers = vocabulary.concepts.map((concept) => ({ id: concept.id, matchers: concept.terms.map(termMatcher) }));
  const known = new Set(vocabulary.concepts.map((concept) => concept.id));
  const conceptsIn = (text: string) => {
    const meets = textMatcher(text);
    return matchers.filter(({ matchers: terms }) => terms.some(meets)).map(({ id }) => id);
  };
  const services = [...catalogue.services].sort((a, b) => a.id.localeCompare(b.id, 'en'));
  const own = new Map(services.map((service) => [service.id, new Set(conceptsIn(ownText(service, catalogue)))]));
  const claimed = new Map<string, Set<string>>();
  for (const service of services) {
    const set = claimed.get(service.organisationId) ?? new Set<string>();
    for (const id of own.get(service.id)!) set.add(id);
    claimed.set(service.organisationId, set);
  }
  const organisationConcepts = new Map([...organisations].map(([id, organisation]) => [id, conceptsIn(organisation.keywords.join(' · '))]));
  const tags: Record<string, string[]> = {};
  for (const service of services) {
    const found = new Set(own.get(service.id));
    for (const id of organisationConcepts.get(service.organisationId) ?? []) if (!claimed.get(service.organisationId)!.has(id)) found.add(id);
    for (const id of vocabulary.add[service.id] ?? []) if (known.has(id)) found.add(id);
    for (const id of vocabulary.remove[service.id] ?? []) found.delete(id);
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
/** service id → the concepts of its tags that its name or keywords carry (as the weak-ranking change packed it). */
export function namedConcepts(catalogue: Catalogue, vocabulary: CompiledVocabulary, tags: Record<string, string[]>): Record<string, string[]> {
  const byId = new Map(vocabulary.concepts.map((concept) => [concept.id, concept.terms.map(termMatcher)]));
  const named: Record<string, string[]> = {};
  for (const service of catalogue.services) {
    const meets = textMatcher([service.name, ...Object.values(service.names), ...service.keywords].join(' · '));
    named[service.id] = (tags[service.id] ?? []).filter((id) => (byId.get(id) ?? []).some(meets));
  }
  return named;
}

export function vocabularyGroups(vocabulary: CompiledVocabulary, tags: Record<string, string[]>): VocabularyGroup[] {
  const served = new Set(Object.values(tags).flat());
  return vocabulary.concepts.filter((concept) => served.has(concept.id)).map((concept) => ({ targets: [conceptTerm(concept.id)], triggers: [...concept.terms, ...(concept.everyday ?? [])] }));
}
