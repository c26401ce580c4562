import { useMemo } from 'react';
import { useCatalogueInUse } from '../shared/use-catalogue-in-use';
import { useI18n } from '../shared/use-i18n';
import { siteName } from './names';
import { useHomeSites } from './use-home-sites';
import './sessions.css';

/**
 * Her own site(s) for the info-session banner and badge. Set by enterprise policy, the
 * choice is shown but locked.
 */
export function SitesSection() {
  const { t, language } = useI18n();
  const opened = useCatalogueInUse();
  const index = opened?.state.status === 'ready' ? opened.state.index : null;
  const sites = useMemo(() => (index?.sessions.sites ?? []).filter((site) => site.kind !== 'verkko'), [index]);
  const home = useHomeSites(useMemo(() => sites.map((site) => site.id), [sites]));
  if (sites.length === 0) return null;
  const chosen = new Set(home?.siteIds ?? []);
  const toggle = (siteId: string, on: boolean) =>
    home?.choose(sites.map((site) => site.id).filter((id) => (id === siteId ? on : chosen.has(id))));
  return (
    <section className="options-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitePickerLabel')}</h2>
      <fieldset className="options-sites" disabled={!home || home.locked} aria-describedby="sites-hint">
        <legend className="visually-hidden">{t('sitePickerLabel')}</legend>
        {sites.map((site) => (
          <label key={site.id} className="options-check">
            <input type="checkbox" checked={chosen.has(site.id)} onChange={(event) => toggle(site.id, event.target.checked)} />
            <span>{siteName(site, language)}</span>
          </label>
        ))}
      </fieldset>
      <p id="sites-hint" className="options-hint">
        {home?.locked ? t('siteOptionsLocked') : t('siteOptionsHint')}
      </p>
    </section>
  );
}
