import type { Translate } from '@/utils/i18n/messages';
import type { ReportState } from '@/utils/reports/schema';

/** A report's state in the nurse's words: odottaa, lähetetty, epäonnistui + syy, sähköpostilla. */
export function reportStateText(t: Translate, state: ReportState): string {
  switch (state.status) {
    case 'pending':
      return state.lastError ? t('reportStatusPendingError', state.lastError) : t('reportStatusPending');
    case 'delivered':
      return t('reportStatusDelivered');
    case 'failed':
      return t('reportStatusFailed', state.reason);
    case 'handed-to-email':
      return t('reportStatusEmail');
  }
}
