import { useMemo, useState } from 'react';
import type { Catalogue } from '@/utils/catalogue/schema';
import { IS_DEMO_BUILD } from '@/utils/sessions/demo';
import { sessionsByDay, sessionsOn } from '@/utils/sessions/sessions-on';
import { useI18n } from '@/components/shared/use-i18n';
import { OrganisationCard } from './OrganisationCard';
import { SessionItem } from './SessionItem';
import { SitePicker } from './SitePicker';
import { useHomeSites } from './use-home-sites';
import { useNow } from '../shared/use-now';
import { WeekView } from './WeekView';
import './sessions.css';

/**
 * The info-session area at the top of the popup: today's sessions at her site (on now / later /
 * cancelled) and staff Teams infos, other sites today and the coming week one click away, and
 * the card of any organisation she clicks. Renders nothing when there is nothing to tell.
 */
export function SessionsPanel({ catalogue }: { catalogue: Pick<Catalogue, 'sites' | 'infoSessions' | 'organisations' | 'services'> }) {
  const { t } = useI18n();
  const now = useNow();
  const knownSiteIds = useMemo(() => catalogue.sites.map((site) => site.id), [catalogue]);
  const home = useHomeSites(knownSiteIds);
  const [openId, setOpenId] = useState<string | null>(null);
  if (!home || catalogue.infoSessions.length === 0) return null;

  const today = sessionsOn(now, home.siteIds, catalogue);
  const week = sessionsByDay(now, home.siteIds, catalogue);
  const banner = [...today.home, ...today.staff];
  const askSite = !home.locked && home.siteIds.length === 0 && !home.dismissed;
  if (!IS_DEMO_BUILD && !askSite && banner.length === 0 && today.elsewhere.length === 0 && week.length === 0) return null;

  // A card closes with its session: once the session is over, its organisations leave the banner.
  const shown = [...banner, ...today.elsewhere].flatMap((view) => view.organisations);
  const open = shown.find((organisation) => organisation.id === openId);
  const toggle = (organisationId: string) => setOpenId((current) => (current === organisationId ? null : organisationId));
  const item = (view: (typeof banner)[number]) => (
    <SessionItem key={view.session.id} view={view} openOrganisationId={openId} onOrganisation={toggle} />
  );

  return (
    <section className="sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className={banner.length > 0 ? 'sessions-heading' : 'visually-hidden'}>
        {t('sessionBannerHeading')}
      </h2>
      {IS_DEMO_BUILD ? <p className="session-demo">{t('sessionDemoNotice')}</p> : null}
      {askSite ? (
        <SitePicker sites={catalogue.sites.filter((site) => site.kind !== 'verkko')} onChoose={home.choose} onDismiss={home.dismiss} />
      ) : null}
      {banner.length > 0 ? <ul className="session-list">{banner.map(item)}</ul> : null}
      {open ? <OrganisationCard organisation={open} catalogue={catalogue} onClose={() => setOpenId(null)} /> : null}
      {today.elsewhere.length > 0 || week.length > 0 ? (
        <div className="session-more">
          {today.elsewhere.length > 0 ? (
            <details>
              <summary>{t('sessionOtherSites', today.elsewhere.length)}</summary>
              <ul className="session-list">{today.elsewhere.map(item)}</ul>
            </details>
          ) : null}
          {week.length > 0 ? (
            <details>
              <summary>{t('sessionWeek')}</summary>
              <WeekView days={week} />
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
