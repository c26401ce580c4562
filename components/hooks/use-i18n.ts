import { createContext, useContext } from 'react';
import { createTranslator, type Translate, type UiLanguage } from '@/utils/i18n/messages';

export interface I18n {
  language: UiLanguage;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ language: 'fi', t: createTranslator('fi') });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
