import { useEffect, useId, useState, type FormEvent } from 'react';
import { readReportSettings } from '@/utils/reports/settings';
import { useI18n } from '@/components/shared/use-i18n';
import { useReportEndpoint } from './use-report-endpoint';

/**
 * Where reports go, for a wellbeing area without enterprise policy: an http(s) URL, or empty
 * for the catalogue maintainer's endpoint or e-mail. Locked when the policy sets one.
 */
export function ReportEndpointField() {
  const { t } = useI18n();
  const id = useId();
  const endpoint = useReportEndpoint();
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const saved = endpoint?.saved;
  useEffect(() => {
    // Only when storage answers (or after saving), so that typing is never overwritten.
    if (saved !== undefined) setValue(saved);
  }, [saved]);

  if (!endpoint) return null;
  if (endpoint.policyUrl) return <p className="options-hint">{t('reportEndpointLocked', endpoint.policyUrl)}</p>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const parsed = readReportSettings({ reportUrl: trimmed });
    if (trimmed && !parsed.reportUrl) return setMessage({ text: t('reportEndpointInvalid'), error: true });
    await endpoint.save(parsed.reportUrl);
    setMessage({ text: t('reportEndpointSaved'), error: false });
  };

  return (
    <form className="report-endpoint" onSubmit={(event) => void save(event)}>
      <label className="options-field">
        <span>{t('reportEndpointLabel')}</span>
        <input
          type="url"
          inputMode="url"
          value={value}
          size={40}
          aria-describedby={`${id}-hint ${id}-message`}
          aria-invalid={message?.error || undefined}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <button type="submit">{t('reportEndpointSave')}</button>
      <p id={`${id}-hint`} className="options-hint">
        {t('reportEndpointHint')}
      </p>
      <p id={`${id}-message`} className={message?.error ? 'report-error' : 'options-hint'} aria-live="polite">
        {message?.text ?? ''}
      </p>
    </form>
  );
}
