import { HOSTILE_CHARACTERS } from '@jarjestoopas/utils/catalogue/schema';
import type { PtvText } from '../client/records';

export const TEXT_LANGUAGES = ['fi', 'sv', 'en'] as const;
type TextLanguage = (typeof TEXT_LANGUAGES)[number];
export type Localised = Partial<Record<TextLanguage, string>>;

const HOSTILE_GLOBAL = new RegExp(HOSTILE_CHARACTERS.source, 'gu');

/**
 * Catalogue text is one line without control or invisible characters (schema.ts): PTV's
 * paragraphs ("\n\n") become spaces, runs of white space one space. Over `max` characters the
 * text is cut at a word and ends in "…"; `cut` tells the caller so the review can say so.
 */
export function oneLine(value: string, max: number): { text: string; cut: boolean } {
  const flat = value.replace(HOSTILE_GLOBAL, ' ').replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return { text: flat, cut: false };
  const head = flat.slice(0, max - 1);
  const atWord = head.replace(/\s+\S*$/u, '');
  return { text: `${atWord.length > max / 2 ? atWord : head}…`, cut: true };
}

/** The texts of one type (e.g. `Name`, not `AlternativeName`) per language; the first wins. */
export function byLanguage(texts: readonly PtvText[], type: string | null): Localised {
  const result: Localised = {};
  for (const item of texts) {
    if (type !== null && item.type !== type) continue;
    const language = item.language as TextLanguage;
    if (TEXT_LANGUAGES.includes(language) && result[language] === undefined) result[language] = item.value;
  }
  return result;
}

/** Finnish first, then Swedish, then English: the catalogue's primary text. */
export function preferred(texts: Localised): string | undefined {
  return texts.fi ?? texts.sv ?? texts.en;
}
