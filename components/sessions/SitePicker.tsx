import { useState } from 'react';
import type { Site } from '@/utils/catalogue/schema';
import { useI18n } from '@/components/shared/use-i18n';
import { siteName } from './names';

interface Props {
  sites: Site[];
  onChoose: (siteIds: string[]) => void;
  onDismiss: () => void;
}

/**
 * Asked once, politely, on the first popup that has sessions to show: which site is hers.
 * Never takes focus from the search box; "Not now" ends the question for good (the options
 * page can still set it).
 */
export function SitePicker({ sites, onChoose, onDismiss }: Props) {
  const { t, language } = useI18n();
  const [choice, setChoice] = useState('');
  return (
    <form
      className="site-picker"
      aria-labelledby="site-picker-question"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) onChoose([choice]);
      }}
    >
      <p id="site-picker-question">{t('sitePickerQuestion')}</p>
      <div className="site-picker-row">
        <label>
          <span className="visually-hidden">{t('sitePickerLabel')}</span>
          <select value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t('sitePickerChoose')}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {siteName(site, language)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!choice}>
          {t('sitePickerSave')}
        </button>
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('sitePickerLater')}
        </button>
      </div>
    </form>
  );
}
