import type { Translate } from '@/utils/i18n/messages';
import { NETWORK_ERROR, NO_ENDPOINT, NOT_CONFIRMED, REDIRECTED, TIMEOUT } from '@/utils/reports/delivery';
import type { AnswerState } from '@/utils/reports/answer';
import type { ReportState } from '@/utils/reports/schema';

/** Reasons the extension itself names are worded for the nurse; an endpoint's own stays as sent. */
function reasonText(t: Translate, reason: string): string {
  if (reason === NETWORK_ERROR) return t('reportReasonNetwork');
  if (reason === TIMEOUT) return t('reportReasonTimeout');
  if (reason === NO_ENDPOINT) return t('reportReasonNoEndpoint');
  if (reason === NOT_CONFIRMED) return t('reportReasonNotConfirmed');
  if (reason === REDIRECTED) return t('reportReasonRedirected');
  return reason;
}

/** A report's state in the nurse's words: odottaa, lähetetty, epäonnistui + syy, sähköpostilla. */
export function reportStateText(t: Translate, state: ReportState): string {
  switch (state.status) {
    case 'pending':
      return state.lastError ? t('reportStatusPendingError', reasonText(t, state.lastError)) : t('reportStatusPending');
    case 'delivered':
      return t('reportStatusDelivered');
    case 'failed':
      return t('reportStatusFailed', reasonText(t, state.reason));
    case 'handed-to-email':
      return t('reportStatusEmail');
  }
}

/** Where the maintainers have a sent report, in the nurse's words. */
export function answerStateText(t: Translate, state: AnswerState): string {
  switch (state) {
    case 'received':
      return t('reportAnswerReceived');
    case 'fixed':
      return t('reportAnswerFixed');
    case 'not-a-problem':
      return t('reportAnswerNotAProblem');
  }
}
