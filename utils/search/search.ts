import type { Organisation, Service } from '../catalogue/schema';
import type { SearchIndex } from './build-index';
import { splitCompound } from './compound';
import { isCloseTo } from './edit-distance';
import { foldDiacritics, isStopword, normaliseText, tokenise } from './normalise';
import { stemTerms } from './stem';
import { matchesFilters, hasActiveFilter, type SearchFilters } from './filters';

export interface SearchResult {
  service: Service;
  organisation: Organisation;
  score: number;
}

export interface SearchOptions {
  filters?: SearchFilters;
  limit?: number;
}

/** Term alternatives for one query word: index term → how much a match on it counts. */
type Alternatives = Map<string, number>;

const SYNONYM_FACTOR = 0.7;
const FUZZY_FACTOR = 0.8;
const DERIVATION_FACTOR = 0.75;
const FUZZY_MAX_SCORE = 0.34;
/** A second and third service of an organisation already listed count a little less, so
 *  one organisation with many services does not push every other answer out of sight. */
const SAME_ORGANISATION_DAMPING = 0.85;

function offer(alternatives: Alternatives, term: string, weight: number) {
  if ((alternatives.get(term) ?? 0) < weight) alternatives.set(term, weight);
}

/** Index terms that start with `prefix`, from the sorted vocabulary (binary search). */
function termsWithPrefix(index: SearchIndex, prefix: string): string[] {
  const terms = index.sortedTerms;
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let i = low; i < terms.length && terms[i]!.startsWith(prefix); i++) found.push(terms[i]!);
  return found;
}

/**
 * Exact stem, then prefix expansion both ways: "velk" finds "velkaneuvon", "nuori" finds
 * "nuor", and a shared stem minus its last letter joins "omain"/"omais" and most typos at
 * the end of a word ("omaishoitj" → "omaishoitaj").
 */
function expandStem(index: SearchIndex, stem: string, factor: number, alternatives: Alternatives) {
  if (index.postings.has(stem)) offer(alternatives, stem, factor);
  if (stem.length < 3) return;
  for (const term of termsWithPrefix(index, stem)) {
    offer(alternatives, term, factor * (0.8 + (0.15 * stem.length) / term.length));
  }
  if (stem.length >= 5) {
    for (const term of termsWithPrefix(index, stem.slice(0, -1))) offer(alternatives, term, factor * 0.75);
  }
  for (let length = stem.length - 1; length >= Math.max(4, stem.length - 2); length--) {
    const shorter = stem.slice(0, length);
    if (index.postings.has(shorter)) offer(alternatives, shorter, factor * 0.8);
  }
}

function expandWord(index: SearchIndex, word: string, synonymGroups: Set<number>): Alternatives {
  const alternatives: Alternatives = new Map();
  const stems = stemTerms(word);
  for (const stem of stems) {
    expandStem(index, stem, 1, alternatives);
    for (const group of index.synonyms.groupsByStem.get(stem) ?? []) synonymGroups.add(group);
  }
  for (const group of synonymGroups) {
    for (const term of index.synonyms.termsByGroup[group] ?? []) {
      if (index.postings.has(term)) offer(alternatives, term, SYNONYM_FACTOR);
      for (const longer of termsWithPrefix(index, term)) offer(alternatives, longer, SYNONYM_FACTOR * 0.85);
    }
  }
  if (alternatives.size === 0) {
    // A derivation of a known word ("alkoholistille" → "alkohol", "dementikko" → "dement"):
    // the longest known beginning, if it keeps most of the word.
    for (const stem of stems) {
      for (let length = stem.length - 1; length >= Math.max(5, Math.ceil(stem.length * 0.6)); length--) {
        const beginning = stem.slice(0, length);
        const groups = index.synonyms.groupsByStem.get(beginning) ?? [];
        if (!index.postings.has(beginning) && groups.length === 0) continue;
        if (index.postings.has(beginning)) offer(alternatives, beginning, DERIVATION_FACTOR);
        for (const group of groups) {
          for (const term of index.synonyms.termsByGroup[group] ?? []) {
            if (index.postings.has(term)) offer(alternatives, term, DERIVATION_FACTOR * SYNONYM_FACTOR);
          }
        }
        break;
      }
    }
  }
  if (alternatives.size === 0 && word.length >= 4) {
    // A typo: nearest terms of the vocabulary, and their synonyms too.
    // fuse.js proposes; an edit-distance check on the whole word disposes, because fuse.js
    // also matches a short fragment inside a long term ("plorbt" ~ "support").
    const folded = foldDiacritics(word);
    for (const hit of index.vocabularyFuse.search(folded, { limit: 5 })) {
      const score = hit.score ?? 1;
      if (score > FUZZY_MAX_SCORE) continue;
      if (!isCloseTo(folded, hit.item) && !stems.some((stem) => isCloseTo(stem, hit.item))) continue;
      offer(alternatives, hit.item, FUZZY_FACTOR * (1 - score));
      for (const group of index.synonyms.groupsByStem.get(hit.item) ?? []) {
        for (const term of index.synonyms.termsByGroup[group] ?? []) {
          if (index.postings.has(term)) offer(alternatives, term, FUZZY_FACTOR * SYNONYM_FACTOR * (1 - score));
        }
      }
    }
  }
  return alternatives;
}

/** Query words, with unknown compounds split into known parts ("vertaistukiryhmä"). */
function queryWords(index: SearchIndex, query: string): Array<{ word: string; groups: Set<number> }> {
  const folded = foldDiacritics(normaliseText(query));
  let tokens = tokenise(query);
  // Stopwords and one- or two-letter fragments ("mt" of "mt-kuntoutuja") say nothing about
  // the need, unless they are all the query has.
  const meaningful = tokens.filter((token) => !isStopword(token) && token.length >= 3);
  if (meaningful.length > 0) tokens = meaningful;
  const words = tokens.map((word) => ({ word, groups: new Set<number>() }));
  for (const { phrase, group } of index.synonyms.phrases) {
    if (!` ${folded} `.includes(` ${phrase} `)) continue;
    for (const entry of words) if (phrase.split(' ').includes(foldDiacritics(entry.word))) entry.groups.add(group);
  }
  return words.flatMap((entry) => {
    const known = stemTerms(entry.word).some((stem) => index.postings.has(stem) || index.synonyms.groupsByStem.has(stem));
    if (known || entry.word.length < 6) return [entry];
    const parts = splitCompound(foldDiacritics(entry.word), (part) => index.knownWords.has(part));
    if (!parts) return [entry];
    return parts.map((word) => ({ word, groups: new Set(entry.groups) }));
  });
}

export function searchServices(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const filters = options.filters ?? {};
  const limit = options.limit ?? 10;
  const eligible = (position: number) => matchesFilters(index.services[position]!, filters);
  const words = queryWords(index, query);

  if (words.length === 0) {
    if (!hasActiveFilter(filters)) return [];
    return index.services
      .map((service, position) => ({ service, position }))
      .filter(({ position }) => eligible(position))
      .sort((a, b) => a.service.name.localeCompare(b.service.name, 'fi'))
      .slice(0, limit)
      .map(({ service }) => ({ service, organisation: index.organisations.get(service.organisationId)!, score: 0 }));
  }

  const totals = new Map<number, { score: number; matched: number }>();
  for (const { word, groups } of words) {
    const best = new Map<number, number>();
    for (const [term, factor] of expandWord(index, word, groups)) {
      const idf = index.idf.get(term) ?? 1;
      for (const [position, weight] of index.postings.get(term) ?? []) {
        const value = factor * weight * idf;
        if ((best.get(position) ?? 0) < value) best.set(position, value);
      }
    }
    for (const [position, value] of best) {
      const total = totals.get(position) ?? { score: 0, matched: 0 };
      total.score += value;
      total.matched += 1;
      totals.set(position, total);
    }
  }

  const ranked = [...totals]
    .filter(([position]) => eligible(position))
    .map(([position, { score, matched }]) => {
      const coverage = matched / words.length;
      return { position, score: score * (0.4 + 0.6 * coverage * coverage) };
    })
    .sort((a, b) => b.score - a.score || a.position - b.position);

  // Diversify: damp repeated organisations, then re-sort (stable, deterministic ties).
  const seen = new Map<string, number>();
  const damped = ranked.map(({ position, score }) => {
    const service = index.services[position]!;
    const count = seen.get(service.organisationId) ?? 0;
    seen.set(service.organisationId, count + 1);
    return { position, score: score * SAME_ORGANISATION_DAMPING ** count };
  });
  damped.sort((a, b) => b.score - a.score || a.position - b.position);

  return damped.slice(0, limit).map(({ position, score }) => {
    const service = index.services[position]!;
    return { service, organisation: index.organisations.get(service.organisationId)!, score: Math.round(score * 1000) / 1000 };
  });
}
