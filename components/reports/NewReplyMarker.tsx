import { useEffect } from 'react';
import { browser } from '#imports';
import { sendMessage } from '@/utils/messaging';
import { hasUnseenAnswer } from '@/utils/reports/follow-up';
import { useI18n } from '@/components/shared/use-i18n';
import { useOutbox } from './use-outbox';

/**
 * The popup's sign that a sent report has news (a new state or the maintainers' reply): a button
 * to "Omat ilmoitukset" on the options page, where the news is shown and marked seen. Opening the
 * popup asks the background to check (it skips reports asked about within the last half minute).
 */
export function NewReplyMarker() {
  const { t } = useI18n();
  const entries = useOutbox();
  useEffect(() => {
    void sendMessage('reports.checkAnswers', undefined).catch(() => undefined);
  }, []);
  if (!hasUnseenAnswer(entries)) return null;
  return (
    <button type="button" className="link-button report-new-reply" onClick={() => void browser.runtime.openOptionsPage()}>
      <span className="report-new-dot" aria-hidden="true" />
      {t('reportAnswersNewInPopup')}
    </button>
  );
}
