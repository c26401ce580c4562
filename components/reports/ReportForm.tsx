import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { containsPersonalIdentityCode } from '@/utils/reports/guard';
import { findPersonalIdentityCodesAcrossFields } from '@/utils/reports/guard-fields';
import { COMMENT_MAX, REPORT_FIELDS, SUGGESTION_MAX, type ReportField } from '@/utils/reports/schema';
import { useI18n } from '@/components/shared/use-i18n';

export interface ReportFormValues {
  field: ReportField;
  suggestion?: string;
  comment?: string;
}

interface Props {
  serviceName: string;
  onSubmit: (values: ReportFormValues) => Promise<void>;
  onCancel: () => void;
}

/**
 * The short stale-contact form: what is wrong, the correct value if known, a comment. Focus
 * moves into it on open; Esc cancels. Free text holding a valid henkilötunnus, in one field or
 * split between the two, is refused before anything is stored, with the reason next to the field.
 */
export function ReportForm({ serviceName, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [field, setField] = useState<ReportField>('phone');
  const [suggestion, setSuggestion] = useState('');
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState<{ suggestion: boolean; comment: boolean; across: boolean }>({ suggestion: false, comment: false, across: false });
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLSelectElement>(null);
  const suggestionRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const inSuggestion = containsPersonalIdentityCode(suggestion);
    const inComment = containsPersonalIdentityCode(comment);
    // Half in each field is still a code once the maintainer reads them side by side: both are marked.
    const across = !inSuggestion && !inComment && findPersonalIdentityCodesAcrossFields([suggestion, comment]).length > 0;
    const found = { suggestion: inSuggestion || across, comment: inComment || across, across };
    setInvalid(found);
    if (found.suggestion) return suggestionRef.current?.focus();
    if (found.comment) return commentRef.current?.focus();
    setBusy(true);
    try {
      await onSubmit({
        field,
        ...(suggestion.trim() ? { suggestion: suggestion.trim() } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Close the form, not the popup.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const errorId = `${id}-hetu`;
  const hintId = `${id}-hint`;
  return (
    <form className="report-form" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} onClick={(event) => event.stopPropagation()}>
      <h3 id={`${id}-heading`} className="report-heading">
        {t('reportFormHeading')} <span className="visually-hidden">{serviceName}</span>
      </h3>
      <label className="report-field">
        <span>{t('reportFieldLabel')}</span>
        <select ref={firstRef} value={field} onChange={(event) => setField(event.target.value as ReportField)}>
          {REPORT_FIELDS.map((option) => (
            <option key={option} value={option}>
              {t(`reportField_${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="report-field">
        <span>{t('reportSuggestionLabel')}</span>
        <input
          ref={suggestionRef}
          type="text"
          value={suggestion}
          maxLength={SUGGESTION_MAX}
          autoComplete="off"
          aria-invalid={invalid.suggestion || undefined}
          aria-describedby={invalid.suggestion ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => setSuggestion(event.target.value)}
        />
      </label>
      <label className="report-field">
        <span>{t('reportCommentLabel')}</span>
        <textarea
          ref={commentRef}
          rows={2}
          value={comment}
          maxLength={COMMENT_MAX}
          aria-invalid={invalid.comment || undefined}
          aria-describedby={invalid.comment ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => setComment(event.target.value)}
        />
      </label>
      <p id={hintId} className="report-hint">
        {t('reportPrivacyHint')}
      </p>
      <p id={errorId} className="report-error" role="alert">
        {invalid.across ? t('reportHetuAcrossError') : invalid.suggestion || invalid.comment ? t('reportHetuError') : ''}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('reportSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reportCancel')}
        </button>
      </div>
    </form>
  );
}
