import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { findPersonalIdentityCodesAcrossFields } from '@/utils/reports/guard-fields';
import { useI18n } from '@/components/shared/use-i18n';

interface Props {
  words: string;
  /** The filters that are on, as the nurse sees them ("Vantaa · ikääntyneet"), or ''. */
  filtersText: string;
  onSend: () => Promise<void>;
  onCancel: () => void;
}

/**
 * What a missing-service report will carry, before anything is stored: the words, the filters,
 * and a plain "no patient data" notice. Words holding a henkilötunnus are refused here (and
 * again in the background and at the endpoint); nothing is sent unless she presses send.
 */
export function MissingServiceForm({ words, filtersText, onSend, onCancel }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const sendRef = useRef<HTMLButtonElement>(null);
  const hasCode = findPersonalIdentityCodesAcrossFields([words]).length > 0;

  useEffect(() => {
    sendRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const send = async () => {
    setBusy(true);
    try {
      await onSend();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-form missing-report-form" role="group" aria-labelledby="missing-report-heading" onKeyDown={onKeyDown}>
      <h3 id="missing-report-heading" className="report-heading">
        {t('missingReportHeading')}
      </h3>
      <p className="missing-report-words">{t('missingReportWords', filtersText ? `${words} · ${filtersText}` : words)}</p>
      <p id="missing-report-notice" className="report-hint">
        {t('missingReportNotice')}
      </p>
      {hasCode ? (
        <p className="report-error" role="alert">
          {t('missingReportHetuError')}
        </p>
      ) : null}
      <div className="actions">
        <button ref={sendRef} type="button" className="primary" disabled={busy || hasCode} aria-describedby="missing-report-notice" onClick={() => void send()}>
          {t('missingReportSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reportCancel')}
        </button>
      </div>
    </div>
  );
}
