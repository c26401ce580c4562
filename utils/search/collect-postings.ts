import type { Category, Organisation, Service } from '../catalogue/schema';
import { RunLog } from './compact/growable';
import type { PostingLog } from './compact/posting-log';
import { splitCompound } from './compound';
import { foldDiacritics, isStopword, tokenise } from './normalise';
import { stemTerms } from './stem';
import { swedishStemTerm } from './stem-sv';

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

/** A field's text, its weight, and whether it is Swedish (then also Swedish-stemmed). */
type FieldText = [text: string, weight: number, swedish?: boolean];

function fieldTexts(service: Service, organisation: Organisation, categoryById: ReadonlyMap<string, Category>): FieldText[] {
  const categories = service.categories.flatMap((id) => categoryById.get(id) ?? []);
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

/** Whether a service may appear in results: its organisation is known and both have sources. */
export function isSearchable(service: Service, organisations: ReadonlyMap<string, Organisation>): boolean {
  const organisation = organisations.get(service.organisationId);
  return organisation !== undefined && organisation.sources.length > 0 && service.sources.length > 0;
}

/** Tokens shorter than this cannot split into two parts of three letters (see compound.ts). */
const MIN_COMPOUND = 6;

/**
 * Indexes services one at a time into a posting log (see compact/posting-log.ts): each word's
 * stems at its field's weight, and the whole words and stems of at least three letters into
 * `knownWords`. A compound's parts count too ("velka" in "velkaneuvonta", at a lower weight),
 * but whether a word splits depends on the words of the whole catalogue, so the long words are
 * noted per service (word number, position, weight) and split in finish(), against the known
 * words of every service — as a whole-catalogue pass would, whatever the chunking.
 */
export function createTextIndexer(categories: readonly Category[], log: PostingLog) {
  const categoryById = new Map<string, Category>();
  for (const category of categories) if (!categoryById.has(category.id)) categoryById.set(category.id, category);
  const knownWords = new Set<string>();
  /** Long words (folded, "s" prefix when Swedish-stemmed) by number, and their occurrences. */
  const longWordIds = new Map<string, number>();
  const longWords: string[] = [];
  const occurrences = new RunLog();
  const current = new Map<number, number>();

  const noteLongWord = (folded: string, swedish: boolean | undefined, weight: number) => {
    const key = (swedish ? 's' : 'f') + folded;
    let id = longWordIds.get(key);
    if (id === undefined) {
      longWordIds.set(key, (id = longWords.length));
      longWords.push(key);
    }
    if ((current.get(id) ?? 0) < weight) current.set(id, weight);
  };

  return {
    knownWords,
    /** Indexes a searchable service at `position` (0, 1, 2 …), between log.begin(position) and log.end(). */
    add(service: Service, organisation: Organisation, position: number): void {
      const fields = fieldTexts(service, organisation, categoryById).map(
        ([text, weight, swedish]) => [tokenise(text).filter((token) => !isStopword(token)), weight, swedish] as const,
      );
      current.clear();
      for (const [tokens, weight, swedish] of fields) {
        for (const token of tokens) {
          const folded = foldDiacritics(token);
          const stems = termsOf(token, swedish);
          if (token.length >= 3) {
            knownWords.add(folded);
            for (const stem of stems) if (stem.length >= 3) knownWords.add(stem);
          }
          for (const stem of stems) log.add(stem, weight);
          if (folded.length >= MIN_COMPOUND) noteLongWord(folded, swedish, weight);
        }
      }
      for (const [id, weight] of current) occurrences.push(id * 64 + log.codeOf(weight));
      occurrences.endRun(position);
      current.clear();
    },
    /** Posts the compound parts, once every service is in (before any other word joins knownWords). */
    finish(): void {
      const partTerms = new Map<number, string[]>();
      const termsOfParts = (id: number) => {
        let terms = partTerms.get(id);
        if (!terms) {
          const key = longWords[id]!;
          const swedish = key[0] === 's' || undefined;
          const folded = key.slice(1);
          const parts = splitCompound(folded, (part) => knownWords.has(part) && part !== folded);
          terms = (parts ?? []).flatMap((part) => termsOf(part, swedish));
          partTerms.set(id, terms);
        }
        return terms;
      };
      occurrences.forEach((position, value) => {
        const terms = termsOfParts(Math.floor(value / 64));
        if (terms.length === 0) return;
        const weight = log.weightOf(value % 64) * COMPOUND_PART_FACTOR;
        for (const term of terms) log.addAt(term, position, weight);
      });
      occurrences.clear();
    },
  };
}
