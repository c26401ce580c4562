import { useMemo } from 'react';
import { createTranslator, resolveUiLanguage } from '@/utils/i18n/messages';
import { ErrorState } from './ErrorState';
import { useActiveCatalogue } from './hooks/use-active-catalogue';
import { useBundledCatalogue } from './hooks/use-bundled-catalogue';
import { I18nContext } from './hooks/use-i18n';
import { usePreferences } from './hooks/use-preferences';
import { SearchPanel } from './SearchPanel';
import { SessionsPanel } from './sessions/SessionsPanel';
import { SyncFooter } from './sync/SyncFooter';

/** The popup: language and catalogue set up once, then the search panel. */
export function App() {
  const [preferences, updatePreferences] = usePreferences();
  const language = resolveUiLanguage(preferences?.uiLanguage ?? 'auto', navigator.language);
  const i18n = useMemo(() => ({ language, t: createTranslator(language) }), [language]);
  const bundled = useBundledCatalogue();
  // The bundled catalogue at once; a newer synced one as soon as storage answers.
  const { catalogue, active } = useActiveCatalogue(bundled);

  return (
    <I18nContext.Provider value={i18n}>
      <div className="popup" lang={language}>
        <header className="app-header">
          <img src="/icon/48.png" alt="" width={28} height={28} />
          <div>
            <h1>{i18n.t('extName')}</h1>
            <p className="tagline">{i18n.t('appTagline')}</p>
          </div>
        </header>
        {catalogue?.status === 'ready' ? <SessionsPanel catalogue={catalogue.index.sessions} /> : null}
        {catalogue === null ? null : catalogue.status === 'ready' ? (
          <SearchPanel index={catalogue.index} preferences={preferences} onPreferences={updatePreferences} />
        ) : (
          <ErrorState problems={catalogue.problems} />
        )}
        <SyncFooter active={active} />
      </div>
    </I18nContext.Provider>
  );
}
