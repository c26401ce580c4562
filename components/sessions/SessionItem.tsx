import { formatTimeRange } from '@/utils/sessions/format';
import type { SessionView } from '@/utils/sessions/sessions-on';
import { useI18n } from '@/components/shared/use-i18n';
import { organisationShortName, siteName } from './names';

interface Props {
  view: SessionView;
  /** The organisation whose card is open, if any. */
  openOrganisationId: string | null;
  onOrganisation: (organisationId: string) => void;
  /** Show the site's name (left out in lists already grouped by site). */
  showSite?: boolean;
}

/** One info session: when (on now / later today / cancelled), where, who, and a join link online. */
export function SessionItem({ view, openOrganisationId, onOrganisation, showSite = true }: Props) {
  const { t, language } = useI18n();
  const { session } = view;
  const time = t('sessionTime', formatTimeRange(session.start, session.end, language));
  const status = session.cancelled ? t('sessionCancelled') : view.state === 'on' ? t('sessionNow') : t('sessionToday');
  const className = ['session', session.cancelled ? 'session-cancelled' : `session-${view.state}`].join(' ');
  return (
    <li className={className}>
      <p className="session-when">
        <strong className="session-status">{status}</strong> <span className={session.cancelled ? 'session-struck' : undefined}>{time}</span>
        {showSite && view.site ? <span className="session-site"> · {siteName(view.site, language)}</span> : null}
      </p>
      <ul className="session-organisations" aria-label={t('sessionOrganisationsLabel')}>
        {view.organisations.map((organisation) => (
          <li key={organisation.id}>
            <button
              type="button"
              className="organisation-button"
              aria-expanded={openOrganisationId === organisation.id}
              aria-controls="session-organisation-card"
              onClick={() => onOrganisation(organisation.id)}
            >
              {organisationShortName(organisation, language)}
            </button>
          </li>
        ))}
      </ul>
      {session.experienceExpert && !session.cancelled ? <p className="session-detail">{t('sessionExperienceExpert')}</p> : null}
      {session.note ? <p className="session-detail">{session.note}</p> : null}
      {session.online && !session.cancelled ? (
        <p className="session-detail">
          <a href={session.online.url} target="_blank" rel="noreferrer">
            {t('sessionJoin')}
          </a>
        </p>
      ) : null}
    </li>
  );
}
