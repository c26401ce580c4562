import { formatClock, formatDay } from '@/utils/i18n/dates';
import type { CatalogueInUse } from '@/utils/catalogue/in-use';
import type { SyncState } from '@/utils/sync/state';
import { useI18n } from '../shared/use-i18n';
import { REASON_MESSAGES } from './reason-message';

/** The catalogue in use and the last attempt, in more detail than the popup footer. */
export function SyncStatusDetail({ state, active }: { state: SyncState | null; active: CatalogueInUse | null }) {
  const { t, language } = useI18n();
  const day = (iso: string) => formatDay(new Date(iso), language);
  const clock = (iso: string) => formatClock(new Date(iso), language);
  const outcome = (current: SyncState) => {
    if (current.outcome === 'updated') return t('syncOutcomeUpdated');
    if (current.outcome === 'failed' && current.reason) return t(REASON_MESSAGES[current.reason]);
    return t('syncOutcomeCurrent');
  };
  return (
    <div className="sync-detail">
      {active && (
        <p data-testid="sync-in-use">
          {active.source === 'feed' && active.acceptedAt
            ? t('syncInUseFeed', active.header.revision, day(active.header.publishedAt), day(active.acceptedAt), clock(active.acceptedAt))
            : t('syncInUseBundled', active.header.revision, day(active.header.publishedAt))}
        </p>
      )}
      {state?.lastAttemptAt ? (
        <>
          <p data-testid="sync-last-attempt">{t('syncLastAttempt', day(state.lastAttemptAt), clock(state.lastAttemptAt), outcome(state))}</p>
          {state.outcome === 'failed' && (
            <p>{state.lastSuccessAt ? t('syncLastSuccess', day(state.lastSuccessAt), clock(state.lastSuccessAt)) : t('syncNeverSucceeded')}</p>
          )}
          <p className="options-hint">{t('syncCost', state.bytes.toLocaleString(language), Math.round(state.ms))}</p>
          {state.detail && <p className="options-hint">{t('syncDetail', state.detail)}</p>}
        </>
      ) : (
        <p>{t('syncNoAttempt')}</p>
      )}
    </div>
  );
}
