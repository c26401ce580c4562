import en from '../../public/_locales/en/messages.json';
import fi from '../../public/_locales/fi/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { UI_LANGUAGES, type UiLanguage } from './language';

/**
 * One i18n mechanism for the whole extension: the browser's own `_locales` files (so the
 * manifest name and description are translated too), read directly so that the UI language
 * can differ from the browser's when the nurse chooses so.
 */
export type MessageKey = keyof typeof fi;
type MessageFile = Record<string, { message: string }>;

export const MESSAGES: Record<UiLanguage, MessageFile> = { fi, sv, en };

export type Translate = (key: MessageKey, ...substitutions: Array<string | number>) => string;

export function createTranslator(language: UiLanguage): Translate {
  const messages = MESSAGES[language];
  return (key, ...substitutions) => {
    const template = messages[key]?.message ?? MESSAGES.fi[key]?.message ?? key;
    return template.replace(/\$([1-9])/g, (_, digit: string) => String(substitutions[Number(digit) - 1] ?? ''));
  };
}

/** Plural-aware message: picks `${base}_one` or `${base}_other` by the language's rules. */
export function plural(t: Translate, language: UiLanguage, base: 'resultCount', count: number): string {
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}`, count.toLocaleString(language));
}

/** The UI language: the nurse's choice, else the browser's language if we have it, else Finnish. */
export function resolveUiLanguage(choice: UiLanguage | 'auto', browserLanguage: string | undefined): UiLanguage {
  if (choice !== 'auto') return choice;
  const primary = (browserLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return (UI_LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as UiLanguage) : 'fi';
}
