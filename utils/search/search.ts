import type { Organisation, Service } from '../catalogue/schema';
import { splitCompound } from './compound';
import { isCloseTo } from './edit-distance';
import { eligibilityTest } from './eligibility';
import { hasActiveFilter, type SearchFilters } from './filters';
import { foldDiacritics, isStopword, normaliseText, tokenise } from './normalise';
import { capQuery, capWords, FUZZY_MAX_WORD_LENGTH } from './query-cap';
import { bisect, type SearchIndex } from './search-index';
import { stemTerms } from './stem';

export interface SearchResult {
  service: Service;
  organisation: Organisation;
  score: number;
}

/** A ranked service position: ranking needs no service record (see compact/records.ts). */
export interface SearchHit {
  position: number;
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
  const terms = index.terms;
  const low = bisect(terms, prefix);
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
  if (index.hasTerm(stem)) offer(alternatives, stem, factor);
  if (stem.length < 3) return;
  for (const term of termsWithPrefix(index, stem)) {
    offer(alternatives, term, factor * (0.8 + (0.15 * stem.length) / term.length));
  }
  if (stem.length >= 5) {
    for (const term of termsWithPrefix(index, stem.slice(0, -1))) offer(alternatives, term, factor * 0.75);
  }
  for (let length = stem.length - 1; length >= Math.max(4, stem.length - 2); length--) {
    const shorter = stem.slice(0, length);
    if (index.hasTerm(shorter)) offer(alternatives, shorter, factor * 0.8);
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
      if (index.hasTerm(term)) offer(alternatives, term, SYNONYM_FACTOR);
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
        if (!index.hasTerm(beginning) && groups.length === 0) continue;
        if (index.hasTerm(beginning)) offer(alternatives, beginning, DERIVATION_FACTOR);
        for (const group of groups) {
          for (const term of index.synonyms.termsByGroup[group] ?? []) {
            if (index.hasTerm(term)) offer(alternatives, term, DERIVATION_FACTOR * SYNONYM_FACTOR);
          }
        }
        break;
      }
    }
  }
  if (alternatives.size === 0 && word.length >= 4 && word.length <= FUZZY_MAX_WORD_LENGTH) {
    // A typo: nearest terms of the vocabulary, and their synonyms too.
    // fuse.js proposes; an edit-distance check on the whole word disposes, because fuse.js
    // also matches a short fragment inside a long term ("plorbt" ~ "support").
    const folded = foldDiacritics(word);
    for (const hit of index.fuzzyTerms(folded, 5)) {
      const score = hit.score ?? 1;
      if (score > FUZZY_MAX_SCORE) continue;
      if (!isCloseTo(folded, hit.item) && !stems.some((stem) => isCloseTo(stem, hit.item))) continue;
      offer(alternatives, hit.item, FUZZY_FACTOR * (1 - score));
      for (const group of index.synonyms.groupsByStem.get(hit.item) ?? []) {
        for (const term of index.synonyms.termsByGroup[group] ?? []) {
          if (index.hasTerm(term)) offer(alternatives, term, FUZZY_FACTOR * SYNONYM_FACTOR * (1 - score));
        }
      }
    }
  }
  return alternatives;
}

/** Query words, with unknown compounds split into known parts ("vertaistukiryhmä"). */
function queryWords(index: SearchIndex, query: string): Array<{ word: string; groups: Set<number> }> {
  const capped = capQuery(query);
  const folded = foldDiacritics(normaliseText(capped));
  let tokens = tokenise(capped);
  // Stopwords and one- or two-letter fragments ("mt" of "mt-kuntoutuja") say nothing about
  // the need, unless they are all the query has.
  const meaningful = tokens.filter((token) => !isStopword(token) && token.length >= 3);
  if (meaningful.length > 0) tokens = meaningful;
  tokens = capWords(tokens);
  const words = tokens.map((word) => ({ word, groups: new Set<number>() }));
  for (const { phrase, group } of index.synonyms.phrases) {
    if (!` ${folded} `.includes(` ${phrase} `)) continue;
    for (const entry of words) if (phrase.split(' ').includes(foldDiacritics(entry.word))) entry.groups.add(group);
  }
  return words.flatMap((entry) => {
    const known = stemTerms(entry.word).some((stem) => index.hasTerm(stem) || index.synonyms.groupsByStem.has(stem));
    if (known || entry.word.length < 6) return [entry];
    const parts = splitCompound(foldDiacritics(entry.word), (part) => index.isKnownWord(part));
    if (!parts) return [entry];
    return parts.map((word) => ({ word, groups: new Set(entry.groups) }));
  });
}

/** Scratch arrays per index, reused by every search so a keystroke allocates almost nothing. */
interface Scratch {
  best: Float64Array;
  total: Float64Array;
  matched: Uint16Array;
  bestTouched: Uint32Array;
  totalTouched: Uint32Array;
  candidates: Uint32Array;
  candidateScores: Float64Array;
}
const scratches = new WeakMap<SearchIndex, Scratch>();
function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.serviceCount;
    scratch = {
      best: new Float64Array(n),
      total: new Float64Array(n),
      matched: new Uint16Array(n),
      bestTouched: new Uint32Array(n),
      totalTouched: new Uint32Array(n),
      candidates: new Uint32Array(n),
      candidateScores: new Float64Array(n),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** Ranks services for a query: positions and scores, best first, at most `limit`. */
export function rankServices(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const filters = options.filters ?? {};
  const limit = options.limit ?? 10;
  const eligible = eligibilityTest(index, filters);
  const words = queryWords(index, query);

  if (words.length === 0) {
    if (!hasActiveFilter(filters)) return [];
    const hits: SearchHit[] = [];
    for (const position of index.facts.nameOrder) {
      if (hits.length >= limit) break;
      if (eligible(position)) hits.push({ position, score: 0 });
    }
    return hits;
  }

  const { best, total, matched, bestTouched, totalTouched, candidates, candidateScores } = scratchFor(index);
  let totalCount = 0;
  for (const { word, groups } of words) {
    let bestCount = 0;
    for (const [term, factor] of expandWord(index, word, groups)) {
      const idf = index.idf(term);
      const { positions, weights } = index.postings(term);
      for (let i = 0; i < positions.length; i++) {
        const position = positions[i]!;
        const value = factor * weights[i]! * idf;
        const previous = best[position]!;
        if (previous === 0) bestTouched[bestCount++] = position;
        if (previous < value) best[position] = value;
      }
    }
    for (let i = 0; i < bestCount; i++) {
      const position = bestTouched[i]!;
      if (matched[position] === 0) totalTouched[totalCount++] = position;
      total[position] = total[position]! + best[position]!;
      matched[position] = matched[position]! + 1;
      best[position] = 0;
    }
  }

  let candidateCount = 0;
  for (let i = 0; i < totalCount; i++) {
    const position = totalTouched[i]!;
    if (eligible(position)) {
      const coverage = matched[position]! / words.length;
      candidates[candidateCount] = position;
      candidateScores[candidateCount++] = total[position]! * (0.4 + 0.6 * coverage * coverage);
    }
    total[position] = 0;
    matched[position] = 0;
  }

  return diversify(index, createBestFirst(candidates, candidateScores, candidateCount), limit);
}

/**
 * The candidates in ranking order (score descending, then catalogue position), one at a time:
 * a binary heap, so only as many as the answer needs are ever put in order.
 */
function createBestFirst(positions: Uint32Array, scores: Float64Array, count: number): () => SearchHit | undefined {
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && positions[a]! < positions[b]!);
  const swap = (a: number, b: number) => {
    const position = positions[a]!;
    positions[a] = positions[b]!;
    positions[b] = position;
    const score = scores[a]!;
    scores[a] = scores[b]!;
    scores[b] = score;
  };
  let size = count;
  const siftDown = (start: number) => {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let first = at;
      if (left < size && before(left, first)) first = left;
      if (right < size && before(right, first)) first = right;
      if (first === at) return;
      swap(at, first);
      at = first;
    }
  };
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at);
  return () => {
    if (size === 0) return undefined;
    const hit = { position: positions[0]!, score: scores[0]! };
    size -= 1;
    swap(0, size);
    siftDown(0);
    return hit;
  };
}

/**
 * Damps repeated organisations and re-sorts (stable, deterministic ties). A damped score never
 * exceeds the undamped one, so once an undamped score falls below the limit-th damped score
 * nothing further down can enter the answer: the rest is never put in order.
 */
function diversify(index: SearchIndex, next: () => SearchHit | undefined, limit: number): SearchHit[] {
  const seen = new Map<number, number>();
  const damped: SearchHit[] = [];
  let threshold = -Infinity;
  let nextCheck = limit;
  for (let hit = next(); hit && hit.score >= threshold; hit = next()) {
    const organisation = index.facts.organisationOf[hit.position]!;
    const count = seen.get(organisation) ?? 0;
    seen.set(organisation, count + 1);
    damped.push({ position: hit.position, score: hit.score * SAME_ORGANISATION_DAMPING ** count });
    if (damped.length === nextCheck) {
      // Checked at limit, 2 × limit, 4 × limit … so the checks cost O(n log n) in all.
      threshold = damped.map(({ score }) => score).sort((a, b) => b - a)[limit - 1]!;
      nextCheck *= 2;
    }
  }
  damped.sort((a, b) => b.score - a.score || a.position - b.position);
  return damped.slice(0, limit).map(({ position, score }) => ({ position, score: Math.round(score * 1000) / 1000 }));
}

/**
 * Ranked results with their records, for callers whose records are in memory (CLI, tests) or
 * already loaded (the popup loads them first, see components/hooks/use-search-results.ts).
 */
export function searchServices(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  return rankServices(index, query, options).map(({ position, score }) => {
    const record = index.records.get(position);
    if (!record) throw new Error(`search: the record of service ${position} is not loaded`);
    return { service: record.service, organisation: record.organisation, score };
  });
}
