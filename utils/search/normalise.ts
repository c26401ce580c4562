/**
 * Text normalisation shared by the index and the query, so both sides always agree.
 * ä/ö/å are kept for the stemmer (Finnish rules depend on them) and folded for matching,
 * because nurses often type "paihteet" for "päihteet".
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Words that carry no need: Finnish, Swedish and English function words and filler. */
const STOPWORDS = new Set([
  'ja', 'tai', 'on', 'ei', 'se', 'ne', 'kun', 'jos', 'kanssa', 'joka', 'jotka', 'myös', 'sekä', 'eli', 'kuin',
  'och', 'eller', 'för', 'med', 'av', 'en', 'ett', 'som', 'till', 'på', 'i', 'att',
  'and', 'or', 'for', 'with', 'of', 'the', 'a', 'an', 'to', 'in', 'on', 'who', 'is',
]);

export function normaliseText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('fi');
}

/** Folds diacritics so that "päihde", "paihde" and "pãihde" meet: ä→a, ö→o, å→a, é→e … */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Lower-cased word tokens; a hyphenated word ("ruoka-apu") gives its parts and the joined form. */
export function tokenise(text: string): string[] {
  const normal = normaliseText(text);
  const tokens: string[] = [];
  for (const chunk of normal.split(/\s+/)) {
    const words = chunk.match(WORD);
    if (!words) continue;
    tokens.push(...words);
    if (words.length > 1 && /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(chunk.replace(/[^\p{L}\p{N}-]/gu, ''))) {
      tokens.push(words.join(''));
    }
  }
  return tokens;
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
