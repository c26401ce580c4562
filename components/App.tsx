import { ErrorState } from './ErrorState';
import { useActiveCatalogue } from './hooks/use-active-catalogue';
import { useBundledCatalogue } from './hooks/use-bundled-catalogue';
import { CatalogueFactsContext } from './hooks/use-catalogue-facts';
import { I18nContext, useUiI18n } from './hooks/use-i18n';
import { usePreferences } from './hooks/use-preferences';
import { SearchPanel } from './SearchPanel';
import { SessionsPanel } from './sessions/SessionsPanel';
import { SyncFooter } from './sync/SyncFooter';

/** The popup: language and catalogue set up once, then the search panel. */
export function App() {
  const [preferences, updatePreferences] = usePreferences();
  const i18n = useUiI18n(preferences);
  const { language } = i18n;
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
          <CatalogueFactsContext.Provider value={catalogue.index.catalogue}>
            <SearchPanel index={catalogue.index} preferences={preferences} onPreferences={updatePreferences} />
          </CatalogueFactsContext.Provider>
        ) : (
          <ErrorState problems={catalogue.problems} />
        )}
        <SyncFooter active={active} />
      </div>
    </I18nContext.Provider>
  );
}
