import { UI_LANGUAGES, type UiLanguage } from '@/utils/i18n/language';
import type { Preferences } from '@/utils/preferences';
import { useI18n } from '@/components/shared/use-i18n';

interface Props {
  preferences: Preferences | null;
  onPreferences: (change: Partial<Preferences>) => void;
}

/** Each language named in itself, so a nurse who cannot read the current UI still finds hers. */
function nativeName(code: string): string {
  return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
}

/** UI language (the browser's by default) and the referral note's language, chosen apart. */
export function LanguageSection({ preferences, onPreferences }: Props) {
  const { t } = useI18n();
  return (
    <section className="options-section" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('optionsLanguageHeading')}</h2>
      <label className="options-field">
        <span>{t('uiLanguageLabel')}</span>
        <select
          value={preferences?.uiLanguage ?? 'auto'}
          onChange={(event) => onPreferences({ uiLanguage: event.target.value as UiLanguage | 'auto' })}
        >
          <option value="auto">{t('uiLanguageAuto')}</option>
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {nativeName(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="options-field">
        <span>{t('noteLanguage')}</span>
        <select
          value={preferences?.noteLanguage ?? 'fi'}
          onChange={(event) => onPreferences({ noteLanguage: event.target.value as UiLanguage })}
        >
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {nativeName(code)}
            </option>
          ))}
        </select>
      </label>
      <p className="options-hint">{t('noteLanguageHint')}</p>
    </section>
  );
}
