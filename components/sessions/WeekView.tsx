import { formatSessionDay, formatTimeRange } from '@/utils/sessions/format';
import type { SessionDay } from '@/utils/sessions/sessions-on';
import { useI18n } from '@/components/shared/use-i18n';
import { organisationShortName, siteName } from './names';

/** The coming week's sessions at every site, grouped by day, her own site first and marked. */
export function WeekView({ days }: { days: SessionDay[] }) {
  const { t, language } = useI18n();
  return (
    <div className="week-view">
      {days.map(({ day, sessions }) => (
        <section key={day} aria-labelledby={`week-${day}`}>
          <h4 id={`week-${day}`}>{formatSessionDay(day, language)}</h4>
          <ul>
            {sessions.map(({ session, site, organisations, atHome }) => (
              <li key={session.id} className={atHome ? 'week-home' : undefined}>
                <span className={session.cancelled ? 'session-struck' : undefined}>
                  {t('sessionTime', formatTimeRange(session.start, session.end, language))} {siteName(site, language)}
                </span>
                {atHome ? <span className="badge badge-good">{t('sessionYourSite')}</span> : null}
                {session.cancelled ? <span className="badge badge-warn">{t('sessionCancelled')}</span> : null}
                <br />
                <span className="week-organisations">{organisations.map((organisation) => organisationShortName(organisation, language)).join(', ')}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
