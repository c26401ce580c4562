import { useEffect } from 'react';
import { I18nContext, useUiI18n } from '@/components/shared/use-i18n';
import { usePreferences } from '@/components/shared/use-preferences';
import { LanguageSection } from './LanguageSection';
import { ReportsSection } from '@/components/reports/ReportsSection';
import { SitesSection } from '@/components/sessions/SitesSection';
import { SyncSection } from '@/components/sync/SyncSection';

/**
 * The options page: one section per feature, each a component of its own. A feature adds
 * its section here and nowhere else.
 */
export function OptionsApp() {
  const [preferences, updatePreferences] = usePreferences();
  const i18n = useUiI18n(preferences);
  const { language } = i18n;

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${i18n.t('extName')} · ${i18n.t('optionsTitle')}`;
  }, [language, i18n]);

  return (
    <I18nContext.Provider value={i18n}>
      <div className="options" lang={language}>
        <header className="app-header">
          <img src="/icon/48.png" alt="" width={32} height={32} />
          <h1>
            {i18n.t('extName')}: {i18n.t('optionsTitle')}
          </h1>
        </header>
        <main>
          <LanguageSection preferences={preferences} onPreferences={updatePreferences} />
          <ReportsSection />
          <SitesSection />
          <SyncSection />
        </main>
      </div>
    </I18nContext.Provider>
  );
}
