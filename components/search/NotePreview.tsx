import { useI18n } from '@/components/shared/use-i18n';

/** The referral note exactly as it will be pasted: plain text, short lines. */
export function NotePreview({ id, serviceName, note }: { id: string; serviceName: string; note: string }) {
  const { t } = useI18n();
  return (
    <pre id={id} className="note-preview" role="region" aria-label={t('notePreviewLabel', serviceName)} tabIndex={0}>
      {note}
    </pre>
  );
}
