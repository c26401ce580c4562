import { lazy, Suspense, useEffect } from 'react';
import { markStartup } from '@/utils/startup-marks';
import { SearchPanel } from '../search/SearchPanel';
import { CatalogueFactsContext } from '../shared/use-catalogue-facts';
import { useCatalogueInUse } from '../shared/use-catalogue-in-use';
import { I18nContext, useUiI18n } from '../shared/use-i18n';
import { usePreferences } from '../shared/use-preferences';
import { SyncFooter } from '../sync/SyncFooter';
import { ErrorState } from './ErrorState';

/**
 * The info-session area, loaded only when the catalogue has sessions (the production catalogue
 * has none; the coordinator's published one does): its code stays out of the popup's start.
 */
const SessionsPanel = lazy(() => import('../sessions/SessionsPanel').then(({ SessionsPanel }) => ({ default: SessionsPanel })));

/** The popup shell: language and the catalogue in use set up once, then each feature's panel. */
export function App() {
  useEffect(() => markStartup('first-render'), []);
  const [preferences, updatePreferences] = usePreferences();
  const i18n = useUiI18n(preferences);
  const { language } = i18n;
  // The bundled catalogue or the synced feed's, whichever is in use, opened the same way.
  const opened = useCatalogueInUse();
  const catalogue = opened?.state ?? null;

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
        {catalogue?.status === 'ready' && catalogue.index.sessions.infoSessions.length > 0 ? (
          <Suspense fallback={null}>
            <SessionsPanel catalogue={catalogue.index.sessions} />
          </Suspense>
        ) : null}
        {catalogue === null ? null : catalogue.status === 'ready' ? (
          <CatalogueFactsContext.Provider value={catalogue.index.catalogue}>
            <SearchPanel index={catalogue.index} preferences={preferences} onPreferences={updatePreferences} />
          </CatalogueFactsContext.Provider>
        ) : (
          <ErrorState problems={catalogue.problems} />
        )}
        <SyncFooter active={opened?.inUse ?? null} />
      </div>
    </I18nContext.Provider>
  );
}
