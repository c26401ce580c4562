import type { Organisation, Service } from '../catalogue/schema';
import { splitCompound } from './compound';
import { isCloseTo } from './edit-distance';
import { eligibilityTest } from './eligibility';
import { hasActiveFilter, type SearchFilters } from './filters';
import { foldDiacritics, isStopword, normaliseText, tokenise } from './normalise';
import { capQuery, capWords, FUZZY_MAX_WORD_LENGTH } from './query-cap';
import { bisect, type SearchIndex } from './search-index';
import { crisisMatchOf, patternPositions, queryKeys, type QueryKeys } from './crisis';
import { derivationBases } from './lexicon';
import { selectBest } from './select-best';
import { stemTerms } from './stem';
import { swedishStemTerm } from './stem-sv';

export interface SearchResult {
  service: Service;
  organisation: Organisation;
  score: number;
  /** Only a partial, fuzzy or generic match: the closest there is, not a direct answer. */
  weak: boolean;
  /** Tagged as crisis help for a crisis need the query expresses: shown first, numbers at the top. */
  crisis: boolean;
}

/** A ranked service position: ranking needs no service record (see compact/records.ts). */
export interface SearchHit {
  position: number;
  score: number;
  weak: boolean;
  crisis: boolean;
}

export interface SearchOptions {
  filters?: SearchFilters;
  limit?: number;
}

/** Term alternatives for one query word: index term → how much a match on it counts. `need`
 *  holds those reached through a need word group (synonyms.json or a vocabulary concept). */
type Alternatives = Map<string, number> & { need: Map<string, number> };
const newAlternatives = (): Alternatives => Object.assign(new Map<string, number>(), { need: new Map<string, number>() });

const SYNONYM_FACTOR = 0.7;
/** A need-vocabulary group's terms count this share of a hand-made synonym's (0.7 × 0.9 = 0.63:
 *  still a direct match, but below the typed word and the hand-made groups). */
const VOCABULARY_SHARE = 0.9;
const FUZZY_FACTOR = 0.8;
const DERIVATION_FACTOR = 0.75;
const FUZZY_MAX_SCORE = 0.34;
/** A match through an alternative below this factor (a bare shared beginning, a compound
 *  part whose other part is unknown, a guessed derivation) is not a direct match. */
const STRONG_FACTOR = 0.6;
/** A shared beginning that is not the typed word's own beginning ("rikki" → "rikos…"). */
const SHARED_BEGINNING_FACTOR = 0.4;
/** A generic word ("tuki", "väsynyt", "hjälp") counts this much of a need word. */
const GENERIC_WEIGHT = 0.25;
/** Among weak results of a query with a recognised need, a word a service shares but not through
 *  a need group ("koko", "palkan" in an unrelated service's text) counts this much. */
const INCIDENTAL_WEIGHT = 0.25;
/** A match through a need group counts as meeting the need from this factor on (a synonym 0.7,
 *  a concept 0.63, through a derivation of the typed word 0.47). */
const NEED_FACTOR = 0.45;
/** Crisis help for a crisis need in the query ranks above every other result. */
const CRISIS_BOOST = 1000;
/** The list ends where relevance ends: below this share of the best direct score … */
const TAIL_FLOOR = 0.3;
/** … or at a drop to less than this share of the previous score (after the first three). */
const TAIL_GAP = 0.45;
/** With no direct match, at most this many closest results are shown apart. */
const WEAK_LIMIT = 3;
/** A second and third service of an organisation already listed count a little less, so
 *  one organisation with many services does not push every other answer out of sight. */
const SAME_ORGANISATION_DAMPING = 0.85;

function offer(alternatives: Map<string, number>, term: string, weight: number) {
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
 * Exact stem, then prefix expansion both ways: the typed word's own beginning ("velk" finds
 * "velkaneuvon", "omaishoi" finds "omaishoitaj"), an inflected stem that covers most of a term
 * ("nuori" finds "nuor"), and a shared stem minus its last letter joins "omain"/"omais" and
 * most typos at the end of a word ("omaishoitj" → "omaishoitaj"). A stem that is only a short
 * beginning of a longer term ("rikki" → "rik" → "rikoksettom") counts little and is not direct.
 */
function expandStem(index: SearchIndex, stem: string, factor: number, alternatives: Alternatives, typed = stem) {
  if (index.hasTerm(stem)) offer(alternatives, stem, factor);
  if (stem.length < 3) return;
  for (const term of termsWithPrefix(index, stem)) {
    const cover = stem.length / term.length;
    const own = term.startsWith(typed) || cover >= 0.7;
    offer(alternatives, term, factor * (own ? 0.8 + 0.15 * cover : SHARED_BEGINNING_FACTOR));
  }
  if (stem.length >= 5) {
    for (const term of termsWithPrefix(index, stem.slice(0, -1))) {
      offer(alternatives, term, factor * (term.length - stem.length <= 3 ? 0.75 : SHARED_BEGINNING_FACTOR));
    }
  }
  for (let length = stem.length - 1; length >= Math.max(4, stem.length - 2); length--) {
    const shorter = stem.slice(0, length);
    if (index.hasTerm(shorter)) offer(alternatives, shorter, factor * 0.8);
  }
}

function offerSynonyms(index: SearchIndex, groups: Iterable<number>, factor: number, alternatives: Alternatives) {
  const vocabularyFrom = index.synonyms.vocabularyFrom ?? Infinity;
  for (const group of groups) {
    const weight = group >= vocabularyFrom ? factor * VOCABULARY_SHARE : factor;
    for (const term of index.synonyms.termsByGroup[group] ?? []) {
      if (index.hasTerm(term)) {
        offer(alternatives, term, weight);
        offer(alternatives.need, term, weight);
      }
      if (group >= vocabularyFrom) continue; // a concept's term, not a word
      for (const longer of termsWithPrefix(index, term)) {
        offer(alternatives, longer, weight * 0.85);
        offer(alternatives.need, longer, weight * 0.85);
      }
    }
  }
}

function expandWord(index: SearchIndex, word: string, synonymGroups: Set<number>, factor = 1): Alternatives {
  const alternatives = newAlternatives();
  const folded = foldDiacritics(word);
  const stems = stemTerms(word);
  for (const stem of stems) {
    expandStem(index, stem, factor, alternatives, folded);
    for (const group of index.synonyms.groupsByStem.get(stem) ?? []) synonymGroups.add(group);
  }
  // The Swedish stem ("missbrukarnas" → "missbruk"): indexed from Swedish texts (collect-postings.ts).
  const swedish = swedishStemTerm(normaliseText(word));
  if (!stems.includes(swedish) && index.hasTerm(swedish)) offer(alternatives, swedish, factor);
  offerSynonyms(index, synonymGroups, factor * SYNONYM_FACTOR, alternatives);
  const direct = () => [...alternatives.values()].some((value) => value >= factor * STRONG_FACTOR);
  if (!direct() && index.lexicon) {
    // A derivation of a known word ("alkoholisti" → "alkoholi", "asunnoton" → "asunto",
    // "muistiongelmainen" → "muistiongelma"): the curated endings and consonant gradation.
    for (const base of new Set([folded, ...stems].flatMap((form) => derivationBases(index.lexicon!, form)))) {
      for (const stem of stemTerms(base)) {
        const groups = new Set(index.synonyms.groupsByStem.get(stem) ?? []);
        if (!index.hasTerm(stem) && groups.size === 0 && termsWithPrefix(index, stem).length === 0) continue;
        expandStem(index, stem, factor * DERIVATION_FACTOR, alternatives, base);
        offerSynonyms(index, groups, factor * DERIVATION_FACTOR * SYNONYM_FACTOR, alternatives);
      }
    }
  }
  if (!direct()) {
    // The longest known beginning that keeps most of the word: a guess, never a direct match.
    for (const stem of stems) {
      for (let length = stem.length - 1; length >= Math.max(5, Math.ceil(stem.length * 0.6)); length--) {
        const beginning = stem.slice(0, length);
        const groups = index.synonyms.groupsByStem.get(beginning) ?? [];
        if (!index.hasTerm(beginning) && groups.length === 0) continue;
        if (index.hasTerm(beginning)) offer(alternatives, beginning, factor * SHARED_BEGINNING_FACTOR);
        offerSynonyms(index, groups, factor * SHARED_BEGINNING_FACTOR * SYNONYM_FACTOR, alternatives);
        break;
      }
    }
  }
  if (!direct() && word.length >= 4 && word.length <= FUZZY_MAX_WORD_LENGTH) {
    // A typo: nearest terms of the vocabulary, and their synonyms too.
    // fuse.js proposes; an edit-distance check on the whole word disposes, because fuse.js
    // also matches a short fragment inside a long term ("plorbt" ~ "support").
    for (const hit of index.fuzzyTerms(folded, 5)) {
      const score = hit.score ?? 1;
      if (score > FUZZY_MAX_SCORE) continue;
      if (!isCloseTo(folded, hit.item) && !stems.some((stem) => isCloseTo(stem, hit.item))) continue;
      // Close by edit distance as a whole word: a corrected typo, a direct match.
      offer(alternatives, hit.item, factor * Math.max(STRONG_FACTOR, FUZZY_FACTOR * (1 - score)));
      offerSynonyms(index, index.synonyms.groupsByStem.get(hit.item) ?? [], factor * FUZZY_FACTOR * SYNONYM_FACTOR * (1 - score), alternatives);
    }
  }
  return alternatives;
}

interface QueryWord {
  word: string;
  groups: Set<number>;
  /** Says little about the need ("tuki", "väsynyt", "hjälp"). */
  generic: boolean;
  /** How much a match of this word counts: a compound part whose other part is unknown counts less. */
  factor: number;
  /** The word's alternatives when parsing already expanded it (with these groups and factor). */
  alternatives?: Alternatives;
  /** Where in the query (ParsedQuery.allWords) the word was typed; a compound's parts share it. */
  at: number;
}

interface ParsedQuery {
  words: QueryWord[];
  /** Every word of the query in order, stop words included, for the crisis needs. */
  allWords: string[];
  /** A Vantaa or Kerava place named in the query. */
  city?: 'vantaa' | 'kerava';
}

/**
 * Splits a compound into parts the index knows: as they are, without a linking letter
 * ("missbruk-s-problem", "koira-n-…") or as a derivation of a known word
 * ("ahdistuneisuus-häiriö" → "ahdistus" + "häiriö").
 */
function splitKnown(index: SearchIndex, word: string): string[] | null {
  const links = index.lexicon?.linkLetters ?? [];
  const cache = new Map<string, string | null>();
  const knownForm = (part: string): string | null => {
    if (cache.has(part)) return cache.get(part)!;
    let found: string | null = null;
    if (index.isKnownWord(part)) found = part;
    else if (part.length > 4 && links.includes(part[part.length - 1]!) && index.isKnownWord(part.slice(0, -1))) found = part.slice(0, -1);
    else if (index.lexicon && part.length >= 6) found = derivationBases(index.lexicon, part).find((base) => index.isKnownWord(base)) ?? null;
    cache.set(part, found);
    return found;
  };
  const parts = splitCompound(word, (part) => knownForm(part) !== null);
  return parts?.map((part) => knownForm(part) ?? part) ?? null;
}

/** A known head or modifier of an otherwise unknown compound ("koiranhoitaja" → "hoitaja"). */
function knownEnd(index: SearchIndex, word: string): string | null {
  for (let cut = 3; cut <= word.length - 4; cut++) {
    const head = word.slice(cut);
    if (index.isKnownWord(head)) return head;
  }
  for (let cut = word.length - 3; cut >= 4; cut--) {
    const modifier = word.slice(0, cut);
    if (index.isKnownWord(modifier)) return modifier;
  }
  return null;
}

function isGeneric(index: SearchIndex, word: string): boolean {
  const generic = index.lexicon?.generic;
  return Boolean(generic && stemTerms(word).some((stem) => generic[bisect(generic, stem)] === stem));
}

/** Query words: place names become a city, unknown compounds are split into known parts. */
function parseQuery(index: SearchIndex, query: string): ParsedQuery {
  const lexicon = index.lexicon;
  const capped = capQuery(query);
  const folded = foldDiacritics(normaliseText(capped));
  // Crisis terms may hold short words ("hits me", "end my life"): every token counts for them.
  const allWords = tokenise(capped);
  // Stopwords and one- or two-letter fragments ("mt" of "mt-kuntoutuja") say nothing about
  // the need, unless they are all the query has.
  let tokenAt = allWords.map((_, at) => at);
  const meaningful = tokenAt.filter((at) => !isStopword(allWords[at]!) && allWords[at]!.length >= 3);
  if (meaningful.length > 0) tokenAt = meaningful;
  const tokens = capWords(tokenAt.map((at) => allWords[at]!));
  let city: ParsedQuery['city'];
  const words: QueryWord[] = [];
  for (const [i, token] of tokens.entries()) {
    const tokenStems = stemTerms(token);
    const place = lexicon?.places.find(([stem]) => tokenStems.includes(stem));
    if (place && tokens.length > 1) {
      if (place[1] !== 'other') city ??= place[1];
      continue;
    }
    words.push({ word: token, groups: new Set<number>(), generic: isGeneric(index, token), factor: 1, at: tokenAt[i]! });
  }
  let keys: QueryKeys | undefined;
  for (const { phrase, group, slots } of index.synonyms.phrases) {
    if (slots && lexicon) {
      // By the words' keys, in any order: "laskuja on kasaantunut" meets "laskut kasaantuu".
      keys ??= queryKeys(lexicon, allWords);
      const positions = patternPositions(keys, slots);
      if (!positions) continue;
      const met = new Set(positions.map((at) => foldDiacritics(allWords[at]!)));
      for (const entry of words) if (met.has(foldDiacritics(entry.word))) entry.groups.add(group);
      continue;
    }
    if (!` ${folded} `.includes(` ${phrase} `)) continue;
    for (const entry of words) if (phrase.split(' ').includes(foldDiacritics(entry.word))) entry.groups.add(group);
  }
  const split = words.flatMap((entry) => {
    const known = stemTerms(entry.word).some((stem) => index.hasTerm(stem) || index.synonyms.groupsByStem.has(stem));
    if (known || entry.word.length < 6) return [entry];
    const whole = foldDiacritics(entry.word);
    const parts = splitKnown(index, whole);
    if (parts) return parts.map((word) => ({ ...entry, word, groups: new Set(entry.groups), generic: isGeneric(index, word) }));
    // Expanded with a copy of its groups, as ranking would: ranking uses these alternatives.
    const alternatives = expandWord(index, entry.word, new Set(entry.groups), entry.factor);
    if (alternatives.size > 0) return [{ ...entry, alternatives }];
    const end = knownEnd(index, whole);
    return end ? [{ ...entry, word: end, factor: 0.5 }] : [entry];
  });
  return { words: split, allWords, ...(city ? { city } : {}) };
}

/** Scratch arrays per index, reused by every search so a keystroke allocates almost nothing. */
interface Scratch {
  best: Float64Array;
  strong: Uint8Array;
  total: Float64Array;
  matched: Uint16Array;
  direct: Uint16Array;
  bestTouched: Uint32Array;
  totalTouched: Uint32Array;
  candidates: Uint32Array;
  candidateScores: Float64Array;
  /** Per position: WEAK_MARK and CRISIS_MARK for the current search, cleared after it. */
  marks: Uint8Array;
}
const WEAK_MARK = 1;
const CRISIS_MARK = 2;
const scratches = new WeakMap<SearchIndex, Scratch>();
function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.serviceCount;
    scratch = {
      best: new Float64Array(n),
      strong: new Uint8Array(n),
      total: new Float64Array(n),
      matched: new Uint16Array(n),
      direct: new Uint16Array(n),
      bestTouched: new Uint32Array(n),
      totalTouched: new Uint32Array(n),
      candidates: new Uint32Array(n),
      candidateScores: new Float64Array(n),
      marks: new Uint8Array(n),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** What one query word matches: per service its best alternative's value, and whether that match is strong. */
interface WordMatches {
  positions: Uint32Array;
  values: Float64Array;
  /** The alternatives reached through a need word group (synonyms.json or a concept) that
   *  services carry, with their factors: read only to order weak results (orderWeakByNeed). */
  needTerms: Array<readonly [term: string, factor: number]>;
  strong: Uint8Array;
  /** The word has a direct (strong) alternative at all. */
  direct: boolean;
  /** The need the word calls up: the index terms of its need groups (synonyms.json or a concept)
   *  that services carry, sorted and joined; empty when it calls up none. */
  need: string;
}

/**
 * The last words' matches per index. Typing "työtön nuori aikuinen" ranks 20 prefixes; the
 * finished words are the same at every keystroke after them, and at 100,000 services their
 * postings are most of a keystroke's cost (hundreds of thousands of entries). Keyed by all
 * that decides a word's matches, so a hit gives exactly what the scan would.
 */
const WORD_CACHE_SIZE = 8;
const wordCaches = new WeakMap<SearchIndex, Map<string, WordMatches>>();

/** Forgets the cached word matches of an index (the bench does, to time a query typed from scratch). */
export function forgetWordMatches(index: SearchIndex): void {
  wordCaches.get(index)?.clear();
}

function wordMatches(index: SearchIndex, word: string, groups: Set<number>, factor: number, parsedAlternatives: Alternatives | undefined): WordMatches {
  let cache = wordCaches.get(index);
  if (!cache) wordCaches.set(index, (cache = new Map()));
  const key = `${word}\u0001${factor}\u0001${[...groups].sort((a, b) => a - b).join(',')}\u0001${parsedAlternatives ? 'parsed' : ''}`;
  const cached = cache.get(key);
  if (cached) {
    // Most recently used last: the oldest is the first to go.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const { best, strong, bestTouched } = scratchFor(index);
  const alternatives = parsedAlternatives ?? expandWord(index, word, groups, factor);
  let bestCount = 0;
  const needTerms: Array<readonly [string, number]> = [];
  for (const [term, termFactor] of alternatives) {
    const isStrong = termFactor >= STRONG_FACTOR;
    const needFactor = alternatives.need.get(term) ?? 0;
    const idf = index.idf(term);
    const { positions, weights } = index.postings(term);
    if (needFactor >= NEED_FACTOR && positions.length > 0) needTerms.push([term, needFactor]);
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i]!;
      const value = termFactor * weights[i]! * idf;
      const previous = best[position]!;
      if (previous === 0) bestTouched[bestCount++] = position;
      if (previous < value) best[position] = value;
      if (isStrong) strong[position] = 1;
    }
  }
  const matches: WordMatches = {
    positions: bestTouched.slice(0, bestCount),
    values: new Float64Array(bestCount),
    needTerms,
    strong: new Uint8Array(bestCount),
    direct: [...alternatives.values()].some((value) => value >= STRONG_FACTOR),
    need: needTerms.map(([term]) => term).sort().join(' '),
  };
  for (let i = 0; i < bestCount; i++) {
    const position = bestTouched[i]!;
    matches.values[i] = best[position]!;
    matches.strong[i] = strong[position]!;
    best[position] = 0;
    strong[position] = 0;
  }
  cache.set(key, matches);
  if (cache.size > WORD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return matches;
}

/** Ranks services for a query: positions and scores, best first, at most `limit`. */
export function rankServices(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  const parsed = parseQuery(index, query);
  const filters: SearchFilters = parsed.city && !options.filters?.city ? { ...options.filters, city: parsed.city } : (options.filters ?? {});
  const eligible = eligibilityTest(index, filters);
  const parsedWords = parsed.words;

  if (parsedWords.length === 0) {
    if (!hasActiveFilter(filters)) return [];
    const hits: SearchHit[] = [];
    for (const position of index.facts.nameOrder) {
      if (hits.length >= limit) break;
      if (eligible(position)) hits.push({ position, score: 0, weak: false, crisis: false });
    }
    return hits;
  }

  const { total, matched, direct, totalTouched, candidates, candidateScores, marks } = scratchFor(index);
  const matchesAll = parsedWords.map((entry) => wordMatches(index, entry.word, entry.groups, entry.factor, entry.alternatives));
  const { crisisMask, softWords } = crisisNeedsOf(index, parsed.allWords, parsedWords, matchesAll);
  // The words of a soft crisis pattern that did not count ("ei jaksa enää" beside
  // "omaishoitaja") say how hard it is, not what is needed: searched like stop words, not at all.
  const searched = parsedWords.flatMap((entry, i) => (softWords.has(entry.at) ? [] : [[entry, matchesAll[i]!] as const]));
  const words = searched.map(([entry]) => entry);
  // Need words are the words that are not generic (all of them if every word is generic).
  const needWords = words.some((entry) => !entry.generic) ? words.filter((entry) => !entry.generic).length : words.length;
  let unknownNeedWords = 0;
  let totalCount = 0;
  for (const [{ word, generic }, matches] of searched) {
    const isNeed = !generic || needWords === words.length;
    // A need word with no direct alternative is a need the catalogue does not know.
    if (isNeed && word.length >= 4 && !matches.direct) unknownNeedWords += 1;
    const { positions, values } = matches;
    const wordStrong = matches.strong;
    const weight = isNeed ? 1 : GENERIC_WEIGHT;
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i]!;
      if (matched[position] === 0 && total[position] === 0) totalTouched[totalCount++] = position;
      total[position] = total[position]! + values[i]! * weight;
      if (isNeed) {
        matched[position] = matched[position]! + 1;
        if (wordStrong[i]) direct[position] = direct[position]! + 1;
      }
    }
  }

  // Direct: enough need words matched directly, and no need word the catalogue does not know.
  const needed = unknownNeedWords > 0 ? Infinity : Math.ceil(needWords / 2);
  const crisisMasks = index.facts.crisisMasks;
  let candidateCount = 0;
  let weakCount = 0;
  // Crisis help for a crisis the query expresses is never filtered out: a crisis line answers
  // from anywhere and a shelter takes people from any municipality, so neither the nurse's
  // filters nor a place word in the query ("Keravalla") may hide it.
  const crisisOf = (position: number) => (crisisMask !== 0 && crisisMasks ? crisisMasks[position]! & crisisMask : 0);
  for (let i = 0; i < totalCount; i++) {
    const position = totalTouched[i]!;
    const crisisNeeds = crisisMask !== 0 ? crisisOf(position) : 0;
    if (crisisNeeds !== 0 || eligible(position)) {
      const coverage = matched[position]! / needWords;
      let score = total[position]! * (0.4 + 0.6 * coverage * coverage);
      if (crisisNeeds !== 0) {
        score += crisisBoost(crisisNeeds);
        marks[position] = CRISIS_MARK;
      } else if (direct[position]! < needed) {
        marks[position] = WEAK_MARK;
        weakCount += 1;
      }
      candidates[candidateCount] = position;
      candidateScores[candidateCount++] = score;
    }
    total[position] = 0;
    matched[position] = 0;
    direct[position] = 0;
  }
  // Only "no direct match" results: they are shown, so their order must follow the need.
  if (weakCount > 0 && weakCount === candidateCount) orderWeakByNeed(index, searched, needWords, candidates, candidateScores, candidateCount);
  if (crisisMask && crisisMasks) {
    // Crisis help comes first even when the query shares no word with it ("haluan kuolla").
    for (let position = 0; position < index.serviceCount; position++) {
      if ((crisisMasks[position]! & crisisMask) === 0 || marks[position] === CRISIS_MARK) continue;
      marks[position] = CRISIS_MARK;
      candidates[candidateCount] = position;
      candidateScores[candidateCount++] = crisisBoost(crisisMasks[position]! & crisisMask);
    }
  }

  const ranked = diversifyBest(index, candidates, candidateScores, candidateCount, limit).map((hit) => ({
    ...hit,
    weak: marks[hit.position] === WEAK_MARK,
    crisis: marks[hit.position] === CRISIS_MARK,
  }));
  // The heap reordered the candidates, but they are still every marked position.
  for (let i = 0; i < candidateCount; i++) marks[candidates[i]!] = 0;
  return endOfRelevance(ranked);
}

/**
 * Rescores "no direct match" results when the query's words call up a need (a concept or a
 * synonyms.json group that a service meets). Everyday wording carries verbs no service text or
 * concept has ("istuu", "tuhlaa", "heittää"), so every result is weak; scored as direct ones,
 * an unrelated service sharing an incidental word ("koko", "palkan") at full weight beat the
 * service meeting the need through its concept (0.63). Here what a service meets through a need
 * counts in full, another word it shares only INCIDENTAL_WEIGHT, and a word with no direct
 * alternative anywhere (a verb of the situation, matching only bare beginnings) nothing; the
 * total is scaled by how many of the query's needs it meets. Words calling up the same need
 * ("eikä näe ketään" of loneliness, "kela" and "kelarahat") meet it once, so a service meeting
 * two needs comes before one meeting one need said in three words. Runs only when every
 * result is weak: a typed query with a direct answer pays nothing for it.
 */
function orderWeakByNeed(index: SearchIndex, searched: ReadonlyArray<readonly [QueryWord, WordMatches]>, needWords: number, candidates: Uint32Array, scores: Float64Array, count: number) {
  const allNeed = searched.every(([entry]) => entry.generic);
  if (!searched.some(([entry, matches]) => (allNeed || !entry.generic) && matches.need !== '')) return;
  // `best` is all zeros outside wordMatches: here it holds a word's value through its need.
  const { total, matched, best } = scratchFor(index);
  const needsSeen = new Set<string>();
  for (const [entry, matches] of searched) {
    const newNeed = matches.need !== '' && !needsSeen.has(matches.need);
    needsSeen.add(matches.need);
    if (!matches.direct) continue;
    const isNeed = allNeed || !entry.generic;
    const weight = isNeed ? 1 : GENERIC_WEIGHT;
    if (newNeed) {
      for (const [term, factor] of matches.needTerms) {
        const idf = index.idf(term);
        const { positions, weights } = index.postings(term);
        for (let i = 0; i < positions.length; i++) best[positions[i]!] = Math.max(best[positions[i]!]!, factor * weights[i]! * idf);
      }
    }
    const { positions, values } = matches;
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i]!;
      const needValue = best[position]!;
      best[position] = 0;
      total[position] = total[position]! + Math.max(needValue, INCIDENTAL_WEIGHT * values[i]!) * weight;
      if (isNeed && needValue > 0) matched[position] = matched[position]! + 1;
    }
  }
  for (let i = 0; i < count; i++) {
    const position = candidates[i]!;
    const coverage = matched[position]! / needWords;
    scores[i] = total[position]! * (0.4 + 0.6 * coverage * coverage);
  }
  // Every touched position is a word's match: clear them all (candidates may be fewer, filtered).
  for (const [, { positions }] of searched) {
    for (let i = 0; i < positions.length; i++) {
      total[positions[i]!] = 0;
      matched[positions[i]!] = 0;
    }
  }
}

/** Crisis help for more of the query's crisis needs ranks higher ("sexual violence" is violence
 *  too: the line for both comes before the shelter for one). */
function crisisBoost(needsServed: number): number {
  let count = 0;
  for (let bits = needsServed; bits !== 0; bits &= bits - 1) count += 1;
  return CRISIS_BOOST * count;
}

/**
 * The crisis needs the query expresses, as a bit mask over the packed index's crisis needs. A
 * need only soft patterns express ("en jaksa enää", "can't cope anymore": said of everyday
 * exhaustion too) counts only when the query names no other need the catalogue serves: no word
 * outside the crisis patterns' own that is neither generic nor a stop word matches a service
 * directly. "en jaksa enää" alone is a crisis; "omaishoitaja ei jaksa enää" asks for caregivers'
 * support, and a crisis header on every such query would teach the nurse to overlook it. When
 * a soft need does not count, `softWords` are the positions of its words.
 */
function crisisNeedsOf(index: SearchIndex, allWords: string[], words: readonly QueryWord[], matches: readonly WordMatches[]) {
  const none = { crisisMask: 0, softWords: new Set<number>() };
  if (!index.lexicon) return none;
  const { hard, soft, crisisWords, softWords } = crisisMatchOf(index.lexicon, allWords, index.isKnownWord);
  const maskOf = (needs: number[]) => needs.reduce((mask, need) => mask | (2 ** need), 0);
  if (soft.length === 0) return { ...none, crisisMask: maskOf(hard) };
  // A word that some service matches directly (a strong alternative with postings).
  const servesDirectly = (word: WordMatches) => word.strong.some((strong) => strong === 1);
  const namesOtherNeed = words.some((entry, i) => !entry.generic && !isStopword(entry.word) && !crisisWords.has(entry.at) && servesDirectly(matches[i]!));
  return namesOtherNeed ? { crisisMask: maskOf(hard), softWords } : { ...none, crisisMask: maskOf([...hard, ...soft]) };
}

/**
 * Where relevance ends: with direct matches, weak ones are left out and the list stops below a
 * share of the best direct score or at a sharp drop; with none, the closest few are kept (all
 * marked weak) so the popup can show them apart.
 */
function endOfRelevance(hits: SearchHit[]): SearchHit[] {
  const directHits = hits.filter((hit) => !hit.weak);
  if (directHits.length === 0) return hits.slice(0, WEAK_LIMIT);
  const crisis = directHits.filter((hit) => hit.crisis);
  const rest = directHits.filter((hit) => !hit.crisis);
  const kept: SearchHit[] = [];
  const top = rest[0]?.score ?? 0;
  for (const hit of rest) {
    const previous = kept[kept.length - 1];
    if (hit.score < top * TAIL_FLOOR) break;
    if (previous && kept.length >= 3 && hit.score < previous.score * TAIL_GAP) break;
    kept.push(hit);
  }
  return [...crisis, ...kept];
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
    const hit = { position: positions[0]!, score: scores[0]!, weak: false, crisis: false };
    size -= 1;
    swap(0, size);
    siftDown(0);
    return hit;
  };
}

/** How many of the best candidates are put in order first, per result asked for. */
const PRESELECT_PER_RESULT = 4;

/**
 * `diversify` over the candidates in ranking order. With many candidates, only the best
 * few are put in order first (select-best.ts); when damping consumes all of them without
 * reaching its stop, the answer might need one further down, and the full heap decides.
 * Either way the answer is the full heap's.
 */
function diversifyBest(index: SearchIndex, positions: Uint32Array, scores: Float64Array, count: number, limit: number): SearchHit[] {
  const keep = limit * PRESELECT_PER_RESULT;
  if (limit > 0 && count > keep * 2) {
    const best = selectBest(positions, scores, count, keep);
    let at = 0;
    let exhausted = false;
    const kept = diversify(index, () => {
      if (at < best.count) {
        const hit = { position: best.positions[at]!, score: best.scores[at]!, weak: false, crisis: false };
        at += 1;
        return hit;
      }
      exhausted = true;
      return undefined;
    }, limit);
    if (!exhausted) return kept;
  }
  return diversify(index, createBestFirst(positions, scores, count), limit);
}

/**
 * Damps repeated organisations and keeps the best `limit` (stable, deterministic ties: score
 * descending, then catalogue position). A damped score never exceeds the undamped one and the
 * candidates come best first, so once a candidate cannot beat the limit-th kept hit even
 * undamped, no candidate after it can: the rest is never put in order. Many candidates with
 * the same score (a short prefix matching one keyword of thousands of services) stop at the
 * first one that comes after the limit-th kept hit in catalogue order.
 */
function diversify(index: SearchIndex, next: () => SearchHit | undefined, limit: number): SearchHit[] {
  if (limit <= 0) return [];
  const seen = new Map<number, number>();
  // The best `limit` damped hits so far, in ranking order.
  const kept: Array<{ position: number; score: number }> = [];
  const ranksBefore = (score: number, position: number, other: { position: number; score: number }) =>
    score > other.score || (score === other.score && position < other.position);
  for (let hit = next(); hit; hit = next()) {
    if (kept.length >= limit && !ranksBefore(hit.score, hit.position, kept[limit - 1]!)) break;
    const organisation = index.facts.organisationOf[hit.position]!;
    const count = seen.get(organisation) ?? 0;
    seen.set(organisation, count + 1);
    const score = hit.score * SAME_ORGANISATION_DAMPING ** count;
    if (kept.length >= limit && !ranksBefore(score, hit.position, kept[limit - 1]!)) continue;
    let at = Math.min(kept.length, limit - 1);
    while (at > 0 && ranksBefore(score, hit.position, kept[at - 1]!)) at--;
    kept.splice(at, 0, { position: hit.position, score });
    if (kept.length > limit) kept.pop();
  }
  return kept.map(({ position, score }) => ({ position, score: Math.round(score * 1000) / 1000, weak: false, crisis: false }));
}

/**
 * Ranked results with their records, for callers whose records are in memory (CLI, tests) or
 * already loaded (the popup loads them first, see components/search/use-search-results.ts).
 */
export function searchServices(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  return rankServices(index, query, options).map(({ position, score, weak, crisis }) => {
    const record = index.records.get(position);
    if (!record) throw new Error(`search: the record of service ${position} is not loaded`);
    return { service: record.service, organisation: record.organisation, score, weak, crisis };
  });
}
