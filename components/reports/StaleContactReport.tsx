import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Organisation, Service } from '@/utils/catalogue/schema';
import { formatDay } from '@/utils/i18n/dates';
import { sendMessage } from '@/utils/messaging';
import { useI18n } from '@/components/shared/use-i18n';
import type { ReportFormValues } from './ReportForm';
import { latestReportOn, useOutbox } from './use-outbox';
import { useReportCatalogue } from './use-report-catalogue';
import './reports.css';

/**
 * The form (and its report schema and henkilötunnus guard) is not needed to open the popup: it
 * loads when a card with the report button is first shown, long before the button is pressed.
 */
const loadReportForm = () => import('./ReportForm');
const ReportForm = lazy(() => loadReportForm().then(({ ReportForm }) => ({ default: ReportForm })));

interface Props {
  service: Service;
  organisation: Organisation;
  serviceName: string;
}

/**
 * The card's "report outdated information" part: the button, the form, and afterwards the
 * date of the nurse's report ("Ilmoitettu 22.11.2026") with, when no endpoint is set, the
 * prefilled e-mail to the maintainer. Results of submitting are announced politely.
 */
export function StaleContactReport({ service, organisation, serviceName }: Props) {
  const { t, language } = useI18n();
  const catalogue = useReportCatalogue();
  const outbox = useOutbox();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** No report address is set: whom to tell and how, shown (not only announced). */
  const [keptNote, setKeptNote] = useState<string | null>(null);
  const [mailto, setMailto] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Back to where the nurse was, once React has put the button back (after the commit,
  // however late a busy renderer makes it).
  useEffect(() => {
    void loadReportForm();
  }, []);

  useEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [open]);

  if (!catalogue) return null;

  const latest = latestReportOn(outbox, service.id);
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };

  const submit = async (values: ReportFormValues) => {
    try {
      const result = await sendMessage('reports.submit', {
        region: catalogue.region,
        catalogueRevision: catalogue.revision,
        serviceId: service.id,
        serviceName: service.name,
        organisationId: organisation.id,
        organisationName: organisation.name,
        maintainer: catalogue.maintainer,
        ...values,
      });
      setMailto(result.status === 'handed-to-email' ? result.mailto : null);
      const kept = result.status === 'kept' ? t('reportNoAddress', result.maintainerName ?? catalogue.maintainer.name ?? '—') : null;
      setKeptNote(kept);
      setAnnouncement(kept ?? t(result.status === 'handed-to-email' ? 'reportEmailReady' : 'reportQueued', serviceName));
      close();
    } catch {
      setAnnouncement(t('reportSubmitFailed'));
    }
  };

  return (
    <div className="stale-report" onClick={(event) => event.stopPropagation()}>
      {open ? (
        <Suspense fallback={null}>
          <ReportForm serviceName={serviceName} onSubmit={submit} onCancel={close} />
        </Suspense>
      ) : (
        <div className="report-row">
          <button ref={buttonRef} type="button" className="link-button report-button" aria-label={t('reportButtonFor', serviceName)} onClick={() => setOpen(true)}>
            {t('reportButton')}
          </button>
          {latest ? <span className="report-done">{t('reportReportedOn', formatDay(new Date(latest.report.createdAt), language))}</span> : null}
        </div>
      )}
      {mailto ? (
        <p className="report-mailto">
          <a href={mailto} target="_blank" rel="noreferrer">
            {t('reportOpenEmail')}
          </a>
        </p>
      ) : null}
      {keptNote ? <p className="report-kept">{keptNote}</p> : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
