/** collectPostings as it was before the chunked packer (see reference-pack.ts). */
import type { Catalogue, Organisation, Service } from '@/utils/catalogue/schema';
import { splitCompound } from '@/utils/search/compound';
import { foldDiacritics, isStopword, tokenise } from '@/utils/search/normalise';
import { stemTerms } from '@/utils/search/stem';
import { swedishStemTerm } from '@/utils/search/stem-sv';

/**
 * The first stage of indexing: which services are searchable, and an inverted index from
 * folded Finnish stems (and, for Swedish texts, Swedish stems) to services with field weights. The packer turns this into the compact
 * form the search core reads.
 */

/** How much a match in each field says about the service being the right one. */
export const FIELD_WEIGHTS = {
  name: 3,
  serviceKeywords: 3,
  organisationKeywords: 2.5,
  targetGroups: 2,
  organisationName: 2,
  categories: 1.2,
  description: 1,
} as const;
/** A word inside an organisation's need phrase ("mies lyö", "väkivalta kotona") is not the
 *  organisation's subject: it counts for less than a need word of its own. */
const PHRASE_WORD_FACTOR = 0.5;
/** A compound's part ("velka" in "velkaneuvonta") counts for less than the whole word. */
const COMPOUND_PART_FACTOR = 0.6;

export interface CollectedPostings {
  /** Services that may appear in results (those whose organisation has facts). */
  services: Service[];
  organisations: Map<string, Organisation>;
  /** term → (service position → best field weight) */
  postings: Map<string, Map<number, number>>;
  /** Whole words and stems of at least three letters, for splitting compounds. */
  knownWords: Set<string>;
}

/** A field's text, its weight, and whether it is Swedish (then also Swedish-stemmed). */
type FieldText = [text: string, weight: number, swedish?: boolean];

function fieldTexts(service: Service, organisation: Organisation, catalogue: Catalogue): FieldText[] {
  const categories = service.categories.flatMap((id) => catalogue.categories.find((candidate) => candidate.id === id) ?? []);
  return [
    [[service.name, service.names.en ?? ''].join(' '), FIELD_WEIGHTS.name],
    [service.names.sv ?? '', FIELD_WEIGHTS.name, true],
    [service.keywords.join(' · '), FIELD_WEIGHTS.serviceKeywords],
    [organisation.keywords.filter((keyword) => !/\s/.test(keyword.trim())).join(' · '), FIELD_WEIGHTS.organisationKeywords],
    [organisation.keywords.filter((keyword) => /\s/.test(keyword.trim())).join(' · '), FIELD_WEIGHTS.organisationKeywords * PHRASE_WORD_FACTOR],
    [service.targetGroups.join(' · '), FIELD_WEIGHTS.targetGroups],
    [[organisation.name, organisation.shortName ?? '', organisation.names.en ?? ''].join(' '), FIELD_WEIGHTS.organisationName],
    [organisation.names.sv ?? '', FIELD_WEIGHTS.organisationName, true],
    [categories.map((category) => [category.names.fi, category.names.en ?? ''].join(' ')).join(' · '), FIELD_WEIGHTS.categories],
    [categories.map((category) => category.names.sv ?? '').join(' · '), FIELD_WEIGHTS.categories, true],
    [[service.description, service.descriptions?.en ?? ''].join(' '), FIELD_WEIGHTS.description],
    [service.descriptions?.sv ?? '', FIELD_WEIGHTS.description, true],
  ];
}

/**
 * Index terms of a token: its Finnish Snowball stems, and in a Swedish text also its Swedish
 * stem ("missbrukare" → "missbruk"), so that a Swedish query meets Swedish inflections. English
 * texts go through the Finnish stems and prefix matching, as English names always have.
 */
function termsOf(token: string, swedish: boolean | undefined): string[] {
  const stems = stemTerms(token);
  if (!swedish) return stems;
  const swedishTerm = swedishStemTerm(token);
  return stems.includes(swedishTerm) ? stems : [...stems, swedishTerm];
}

export function collectPostings(catalogue: Catalogue): CollectedPostings {
  const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
  const services = catalogue.services.filter((service) => {
    const organisation = organisations.get(service.organisationId);
    return organisation !== undefined && organisation.sources.length > 0 && service.sources.length > 0;
  });

  // Pass 1: tokens per service and field, and the vocabulary of whole words.
  const tokenised = services.map((service) =>
    fieldTexts(service, organisations.get(service.organisationId)!, catalogue).map(
      ([text, weight, swedish]) => [tokenise(text).filter((token) => !isStopword(token)), weight, swedish] as const,
    ),
  );
  const knownWords = new Set<string>();
  for (const fields of tokenised) {
    for (const [tokens, , swedish] of fields) {
      for (const token of tokens) {
        if (token.length < 3) continue;
        knownWords.add(foldDiacritics(token));
        for (const stem of termsOf(token, swedish)) if (stem.length >= 3) knownWords.add(stem);
      }
    }
  }

  // Pass 2: postings, with compound parts at a lower weight.
  const postings = new Map<string, Map<number, number>>();
  const add = (term: string, position: number, weight: number) => {
    let byService = postings.get(term);
    if (!byService) postings.set(term, (byService = new Map()));
    if ((byService.get(position) ?? 0) < weight) byService.set(position, weight);
  };
  tokenised.forEach((fields, position) => {
    for (const [tokens, weight, swedish] of fields) {
      for (const token of tokens) {
        for (const stem of termsOf(token, swedish)) add(stem, position, weight);
        const parts = splitCompound(foldDiacritics(token), (part) => knownWords.has(part) && part !== foldDiacritics(token));
        for (const part of parts ?? []) for (const stem of termsOf(part, swedish)) add(stem, position, weight * COMPOUND_PART_FACTOR);
      }
    }
  });

  return { services, organisations, postings, knownWords };
}
