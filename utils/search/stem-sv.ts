import { foldDiacritics } from './normalise';

/**
 * The Snowball Swedish stemmer (https://snowballstem.org/algorithms/swedish/stemmer.html,
 * BSD licence), written out here because no installed package has it: @nlpjs/lang-fi carries
 * Finnish only and @nlpjs/lang-sv / snowball-stemmers are not dependencies (docs/search.md).
 * The algorithm is three suffix steps over the region R1, about forty lines.
 * "missbrukare" → "missbruk", "närståendevårdarna" → "närståendevård", "grupperna" → "grupp".
 */

const VOWELS = new Set('aeiouyäåö');
const S_ENDING = new Set('bcdfghjklmnoprtvy');

// Longest first, so the first hit is the longest suffix.
const STEP1 = [
  'heterna', 'hetens', 'anden', 'andes', 'andet', 'arens', 'arnas', 'ernas', 'heten', 'heter', 'ornas',
  'ande', 'aren', 'arna', 'arne', 'aste', 'erna', 'erns', 'orna', 'ades',
  'ade', 'are', 'ast', 'ens', 'ern', 'het',
  'ad', 'ar', 'as', 'at', 'en', 'er', 'es', 'or',
  'a', 'e',
];
const STEP2 = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];

/** Start of R1: after the first non-vowel that follows a vowel, and at least three letters in. */
function regionOne(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!VOWELS.has(word[i]!) && VOWELS.has(word[i - 1]!)) return Math.max(i + 1, 3);
  }
  return word.length;
}

export function swedishStem(word: string): string {
  const r1 = regionOne(word);
  let stem = word;
  const inR1 = (suffix: string) => stem.endsWith(suffix) && stem.length - suffix.length >= r1;

  // Step 1: inflectional endings, or an -s after a letter that may end a word before it.
  const ending = STEP1.find(inR1);
  if (ending) stem = stem.slice(0, -ending.length);
  else if (inR1('s') && S_ENDING.has(stem.at(-2) ?? '')) stem = stem.slice(0, -1);

  // Step 2: a double or mixed consonant pair left at the end loses its last letter.
  if (STEP2.some(inR1)) stem = stem.slice(0, -1);

  // Step 3: derivational endings.
  if (inR1('fullt')) stem = stem.slice(0, -1);
  else if (inR1('löst')) stem = stem.slice(0, -1);
  else {
    const derivation = ['lig', 'els', 'ig'].find(inR1);
    if (derivation) stem = stem.slice(0, -derivation.length);
  }
  return stem;
}

const cache = new Map<string, string>();

/** The folded Swedish stem of a lower-case token, as index terms are written. */
export function swedishStemTerm(token: string): string {
  let stem = cache.get(token);
  if (stem === undefined) {
    stem = foldDiacritics(swedishStem(token));
    if (cache.size > 50_000) cache.clear();
    cache.set(token, stem);
  }
  return stem;
}
