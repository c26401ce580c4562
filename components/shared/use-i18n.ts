import { createContext, useContext, useMemo } from 'react';
import { createTranslator, resolveUiLanguage, type Translate } from '@/utils/i18n/messages';
import { type UiLanguage } from '@/utils/i18n/language';
import type { Preferences } from '@/utils/preferences';

export interface I18n {
  language: UiLanguage;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ language: 'fi', t: createTranslator('fi') });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A page's language and translator: the nurse's choice, else the browser's language. */
export function useUiI18n(preferences: Preferences | null): I18n {
  const language = resolveUiLanguage(preferences?.uiLanguage ?? 'auto', navigator.language);
  return useMemo(() => ({ language, t: createTranslator(language) }), [language]);
}
