import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { UiLanguage } from '@/utils/i18n/language';
import type { SearchFilters } from '@/utils/search/filters';
import { sendMessage } from '@/utils/messaging';
import { useI18n } from '@/components/shared/use-i18n';
import { useReportCatalogue } from './use-report-catalogue';

/** The form (and the henkilötunnus guard) loads only when the button is pressed: the popup's budget. */
const loadForm = () => import('./MissingServiceForm');
const MissingServiceForm = lazy(() => loadForm().then(({ MissingServiceForm }) => ({ default: MissingServiceForm })));

interface Props {
  words: string;
  filters: SearchFilters;
  openNow: boolean;
  /** What the filters say, in the nurse's words, shown before sending. */
  filtersText: string;
}

/**
 * "Ilmoita puuttuva palvelu / hakusana", under "no direct match" or an empty list: sends the
 * search words (and the language and filters, nothing else) to the maintainer through the same
 * outbox as stale-contact reports, only when she presses send.
 */
export function MissingServiceReport({ words, filters, openNow, filtersText }: Props) {
  const { t, language } = useI18n();
  const catalogue = useReportCatalogue();
  const [open, setOpen] = useState(false);
  const [sentFor, setSentFor] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const trimmed = words.trim();

  // New words, a new report: the form closes and the "sent" note goes.
  useEffect(() => {
    setOpen(false);
  }, [trimmed]);

  if (!catalogue || trimmed === '') return null;

  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const send = async () => {
    try {
      await sendMessage('reports.submit', {
        kind: 'missing-service',
        region: catalogue.region,
        catalogueRevision: catalogue.revision,
        words: trimmed,
        language: language as UiLanguage,
        filters: {
          ...(filters.city ? { city: filters.city } : {}),
          ...(filters.category ? { category: filters.category } : {}),
          ...(filters.audience ? { audience: filters.audience } : {}),
          ...(filters.language ? { language: filters.language } : {}),
          ...(openNow ? { openNow: true as const } : {}),
        },
        maintainer: catalogue.maintainer,
      });
      setSentFor(trimmed);
      setAnnouncement(t('missingReportSent', trimmed));
      setOpen(false);
    } catch {
      setAnnouncement(t('reportSubmitFailed'));
    }
  };

  return (
    <div className="missing-report">
      {open ? (
        <Suspense fallback={null}>
          <MissingServiceForm words={trimmed} filtersText={filtersText} onSend={send} onCancel={close} />
        </Suspense>
      ) : sentFor === trimmed ? (
        <p className="report-done" role="status">
          {t('missingReportSent', trimmed)}
        </p>
      ) : (
        <button ref={buttonRef} type="button" className="link-button report-button" onClick={() => setOpen(true)}>
          {t('missingReportButton')}
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {sentFor === trimmed ? '' : announcement}
      </p>
    </div>
  );
}
