import { formatClock, formatDay } from '@/utils/i18n/dates';
import { type Translate } from '@/utils/i18n/messages';
import { type UiLanguage } from '@/utils/i18n/language';
import type { CatalogueInUse } from '@/utils/catalogue/in-use';
import type { SyncState } from '@/utils/sync/state';
import { REASON_MESSAGES } from './reason-message';

export interface SyncSummary {
  /** "Tiedot päivitetty 22.11.2026 klo 10.14 · versio 42", when a check has succeeded. */
  updated: string | null;
  /** The failure in plain words with the last success, when the last attempt failed. */
  failure: string | null;
}

const when = (iso: string, language: UiLanguage): [string, string] => [formatDay(new Date(iso), language), formatClock(new Date(iso), language)];

/**
 * What the footer says about the catalogue. Nothing when no feed is set up (the catalogue line
 * already names the bundled version): a missing feed is not the nurse's problem.
 */
export function summariseSync(t: Translate, language: UiLanguage, state: SyncState | null, active: CatalogueInUse | null): SyncSummary {
  if (!state || !active || state.lastAttemptAt === null || state.reason === 'notConfigured') return { updated: null, failure: null };
  const updated = state.lastSuccessAt ? t('syncUpdated', ...when(state.lastSuccessAt, language), active.header.revision) : null;
  if (state.outcome !== 'failed' || state.reason === null) return { updated, failure: null };
  const last = state.lastSuccessAt ? t('syncLastSuccess', ...when(state.lastSuccessAt, language)) : t('syncNeverSucceeded');
  return { updated: null, failure: `${t('syncFailed', t(REASON_MESSAGES[state.reason]))} ${last}` };
}
