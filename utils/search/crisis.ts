import { derivationBases, type CompiledLexicon, type CrisisPattern } from './lexicon';
import { foldDiacritics } from './normalise';
import { stemTerms } from './stem';

/**
 * Crisis recognition: which crisis needs a query expresses, however it is worded.
 *
 * A crisis need has patterns; a pattern is a few slots ("tappaa" + a reflexive pronoun, "end" +
 * a possessive + "life"), a slot a set of alternative keys. A pattern matches when every slot
 * is met by some query word, all within a short window of the query; a Swedish or English
 * pattern in its own word order, a Finnish one in any (so "end of life care for my client" is not
 * "end my life", and "itsensä hän haluaa tappaa" is "tappaa itsensä"). Each query word is met through its keys:
 * the folded word, its Finnish Snowball stems, the word with a light inflection ending undone
 * (Swedish/English -ing/-ed/-ar/-ade …, Finnish participles -nut/-ttu …) and the Finnish
 * derivation table's bases with consonant gradation ("tappaminen" → "tappa"). The same keys
 * are made of the pattern words when the lexicon is compiled, so the two sides always agree.
 *
 * An alternative "x" is a key, and from five letters also the beginning of a longer key
 * (inflections the stemmer leaves: "itsemurh" finds "itsemurhan"). Explicit forms for roots the
 * stemmer does not reach: "x*" any word beginning with x, "*x" any word ending with x (a
 * compound's head: "*väkival*"), "*x*" any word containing x. "=x" (made by the compiler for a
 * Swedish or English base of an undone ending) only the key x itself.
 */

/** A key this long matches the beginning of a longer query key too. */
const PREFIX_MIN = 5;
/** An undone ending must leave this much of the word ("killing" → "kill", not "rap" of "raped"). */
const BASE_MIN = 4;
/** A pattern's words may lie this many other words apart in all ("want to end her own life"). */
const WINDOW_SLACK = 3;
/**
 * A query word this long that the catalogue does not know may be a slip of a crisis word
 * ("itsmurha", "itsemurah", "självmodstankar"): it meets an alternative of this length or more
 * that it begins with one slip (see beginsWithSlip). Shorter roots have too many neighbours
 * ("violen" ~ "violin", "violet").
 */
const TYPO_MIN = 7;
/** From this length a key's slip may also begin a longer word ("itsmurhaa" ~ "itsemurh"). */
const TYPO_BEGINNING_MIN = TYPO_MIN + 1;
/** A possible typo is a query word of this length or more (one letter short of TYPO_MIN: "suicde"). */
const TYPO_WORD_MIN = TYPO_MIN - 1;

/** The keys of a word: folded form, Finnish stems, undone inflection endings, derivation bases. */
export function crisisKeys(lexicon: Pick<CompiledLexicon, 'crisisEndings' | 'derivations' | 'gradation'>, word: string): Set<string> {
  const folded = foldDiacritics(word);
  const keys = new Set([folded, ...stemTerms(word)]);
  const addBase = (base: string) => {
    keys.add(base);
    for (const stem of stemTerms(base)) if (stem.length >= BASE_MIN - 1) keys.add(stem);
  };
  for (const [ending, replacement] of lexicon.crisisEndings ?? []) {
    if (!folded.endsWith(ending)) continue;
    const base = folded.slice(0, folded.length - ending.length) + replacement;
    if (base.length >= BASE_MIN) addBase(base);
  }
  for (const base of derivationBases(lexicon as CompiledLexicon, folded)) addBase(base);
  return keys;
}

/** Where in the query each key (and each beginning of a key) occurs. */
export interface QueryKeys {
  /** Key → positions of the query words that have it. */
  exact: Map<string, number[]>;
  /** Every beginning (two letters or more) of every key → positions. */
  beginnings: Map<string, number[]>;
  /** Per query word: its keys, for the rare "*x" and "*x*" alternatives. */
  byWord: string[][];
  /** Query words that may be typos (long, unknown to the catalogue): position and folded form. */
  typos: Array<[number, string]>;
}

function add(map: Map<string, number[]>, key: string, position: number) {
  const positions = map.get(key);
  if (!positions) map.set(key, [position]);
  else if (positions[positions.length - 1] !== position) positions.push(position);
}

/**
 * The query's keys. `isKnownWord` (the index's vocabulary) marks the words that are spelled as
 * the catalogue spells them; the other long words are looked at as possible typos of crisis words.
 * Without it no word is taken for a typo.
 */
export function queryKeys(lexicon: CompiledLexicon, words: readonly string[], isKnownWord?: (word: string) => boolean): QueryKeys {
  const typos: Array<[number, string]> = [];
  const exact = new Map<string, number[]>();
  const beginnings = new Map<string, number[]>();
  const byWord = words.map((word, position) => {
    const keys = [...crisisKeys(lexicon, word)];
    for (const key of keys) {
      add(exact, key, position);
      for (let length = 2; length <= key.length; length++) add(beginnings, key.slice(0, length), position);
    }
    const folded = foldDiacritics(word);
    if (isKnownWord && folded.length >= TYPO_WORD_MIN && !keys.some((key) => isKnownWord(key))) typos.push([position, folded]);
    return keys;
  });
  return { exact, beginnings, byWord, typos };
}

/**
 * Whether `typed` is `key` with one slip of the fingers: a letter left out, a letter added or two
 * neighbours swapped. A wrong letter is not a slip here: it turns words into other words
 * ("familjevård" is not "familjevåld", "stalling" not "stalking").
 */
function isSlipOf(typed: string, key: string): boolean {
  if (typed.length === key.length) {
    const at = [...typed].findIndex((letter, i) => letter !== key[i]);
    return at >= 0 && typed[at] === key[at + 1] && typed[at + 1] === key[at] && typed.slice(at + 2) === key.slice(at + 2);
  }
  const [longer, shorter] = typed.length > key.length ? [typed, key] : [key, typed];
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  return false;
}

/**
 * Whether `word` begins with `key` typed with one slip inside it: the first and the last letter
 * of the key stay in place ("itsmurha" begins "itsemurh" without its "e"; "elämänhallinta"
 * does not begin "elämänhalu", whose last letter it lacks).
 */
function beginsWithSlip(word: string, key: string): boolean {
  for (let length = key.length - 1; length <= Math.min(word.length, key.length + 1); length++) {
    // A seven-letter key begins too many longer words with one slip ("kristall" ~ "kurista"):
    // only the whole word may be its slip ("suicde").
    if (key.length < TYPO_BEGINNING_MIN && length !== word.length) continue;
    const typed = word.slice(0, length);
    if (typed[0] === key[0] && typed[length - 1] === key[key.length - 1] && isSlipOf(typed, key)) return true;
  }
  return false;
}

/** Positions of the possible typos that begin with a long alternative's key, one slip allowed. */
function typoPositions(query: QueryKeys, key: string): number[] {
  if (key.length < TYPO_MIN || query.typos.length === 0) return [];
  return query.typos.filter(([, word]) => beginsWithSlip(word, key)).map(([position]) => position);
}

/** Positions of the query words that meet one alternative. */
function positionsOf(query: QueryKeys, alternative: string): readonly number[] {
  // "=x": a base of an undone Swedish or English ending, met only by the same key (lexicon-files.ts).
  if (alternative.startsWith('=')) return query.exact.get(alternative.slice(1)) ?? [];
  const atStart = alternative.startsWith('*');
  const atEnd = alternative.endsWith('*') && alternative.length > 1;
  if (!atStart) {
    const key = atEnd ? alternative.slice(0, -1) : alternative;
    const found = (atEnd || key.length >= PREFIX_MIN ? query.beginnings.get(key) : query.exact.get(key)) ?? [];
    const slips = typoPositions(query, key);
    return slips.length === 0 ? found : [...new Set([...found, ...slips])];
  }
  const part = alternative.slice(1, atEnd ? -1 : undefined);
  const found: number[] = [];
  query.byWord.forEach((keys, position) => {
    if (keys.some((key) => (atEnd ? key.includes(part) : key.endsWith(part)))) found.push(position);
  });
  return found;
}

/**
 * The query positions of one choice of a position per slot with all of them inside the window,
 * in the slots' order when `ordered` (one compound word may meet two slots: "itsensätappo"), or
 * null when there is none. With several choices, the first window found.
 */
function windowPositions(slots: readonly (readonly number[])[], ordered: boolean): number[] | null {
  if (slots.length === 0) return null;
  if (slots.length === 1) return [...slots[0]!];
  const window = slots.length + WINDOW_SLACK;
  if (ordered) {
    // From each start, the earliest position of each next slot not before the previous one.
    for (const start of slots[0]!) {
      const chosen = [start];
      let at = start;
      for (const positions of slots.slice(1)) {
        const next = positions.filter((position) => position >= at);
        if (next.length === 0) break;
        at = Math.min(...next);
        chosen.push(at);
      }
      if (chosen.length === slots.length && at - start < window) return chosen;
    }
    return null;
  }
  // Every window start is some slot's position; try each.
  for (const start of new Set(slots.flat())) {
    const inside = slots.map((positions) => positions.filter((at) => at >= start && at < start + window));
    if (inside.every((positions) => positions.length > 0)) return [...new Set(inside.flat())];
  }
  return null;
}

/** Per slot, the query positions that meet it (none of `blocked`); null when some slot is met by none. */
function slotPositions(query: QueryKeys, slots: readonly (readonly string[])[], blocked?: ReadonlySet<number>): number[][] | null {
  const found: number[][] = [];
  for (const alternatives of slots) {
    const positions = new Set<number>();
    for (const alternative of alternatives) for (const at of positionsOf(query, alternative)) if (!blocked?.has(at)) positions.add(at);
    if (positions.size === 0) return null;
    found.push([...positions]);
  }
  return found;
}

/** The query positions that meet the pattern (inside its window), or null when it does not match. */
function matchPositions(query: QueryKeys, pattern: CrisisPattern, blocked?: ReadonlySet<number>): number[] | null {
  const slots = slotPositions(query, pattern.slots, blocked);
  return slots ? windowPositions(slots, pattern.ordered ?? false) : null;
}

/**
 * The positions of the words that a calm pattern meets: its slots side by side, in its order
 * ("väkivaltainen peli", not "väkivaltainen mies, peli"), or one word ("väkivallaton").
 */
function calmPositions(query: QueryKeys, patterns: readonly CrisisPattern[]): Set<number> {
  const calm = new Set<number>();
  for (const pattern of patterns) {
    if (!pattern.calm) continue;
    const slots = slotPositions(query, pattern.slots);
    if (!slots) continue;
    for (const start of slots[0]!) {
      if (slots.every((positions, offset) => positions.includes(start + offset))) slots.forEach((_, offset) => calm.add(start + offset));
    }
  }
  return calm;
}

/**
 * The query positions that meet a pattern's slots (any order, within the window), or null when
 * it does not match: the words a vocabulary phrase gives its group to (see search.ts).
 */
export function patternPositions(query: QueryKeys, slots: readonly (readonly string[])[]): number[] | null {
  const found = slotPositions(query, slots);
  return found && windowPositions(found, false) ? [...new Set(found.flat())] : null;
}

/** Patterns of an index packed before crisis patterns existed: each stem its own slot. */
function legacyPatterns(lexicon: CompiledLexicon): CrisisPattern[][] {
  return (lexicon.crisisTerms ?? []).map((terms) => terms.map((stems) => ({ slots: stems.map((stem) => [stem]) })));
}

/** The crisis needs a query expresses, as search.ts weighs them. */
export interface CrisisMatch {
  /** Needs (indexes into lexicon.crisisNeeds) that a hard pattern expresses. */
  hard: number[];
  /** Needs that only soft patterns express ("en jaksa enää"): they count only when the query
   *  names no other need the catalogue serves, which the search decides. */
  soft: number[];
  /** Positions of the query words that met a matching pattern, hard or soft: words that say
   *  the crisis, not another need. */
  crisisWords: Set<number>;
  /** Positions of the query words that met a matching soft pattern and no hard one. */
  softWords: Set<number>;
}

/**
 * The crisis needs (indexes into lexicon.crisisNeeds) that the query's words express. `words`
 * are every word of the query in order, stop words included ("end my life", "ta sitt liv");
 * `isKnownWord`, the index's vocabulary, lets a long word it does not know be a typo of a crisis word.
 */
export function crisisMatchOf(lexicon: CompiledLexicon, words: readonly string[], isKnownWord?: (word: string) => boolean): CrisisMatch {
  const query = queryKeys(lexicon, words, isKnownWord);
  const patterns = lexicon.crisisPatterns ?? legacyPatterns(lexicon);
  const match: CrisisMatch = { hard: [], soft: [], crisisWords: new Set(), softWords: new Set() };
  const hardWords = new Set<number>();
  patterns.forEach((needPatterns, need) => {
    let hard = false;
    let soft = false;
    const calm = calmPositions(query, needPatterns);
    for (const pattern of needPatterns) {
      if (pattern.calm) continue;
      const positions = matchPositions(query, pattern, calm);
      if (!positions) continue;
      for (const position of positions) {
        match.crisisWords.add(position);
        (pattern.soft ? match.softWords : hardWords).add(position);
      }
      if (pattern.soft) soft = true;
      else hard = true;
    }
    if (hard) match.hard.push(need);
    else if (soft) match.soft.push(need);
  });
  for (const position of hardWords) match.softWords.delete(position);
  return match;
}
