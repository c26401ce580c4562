import { useEffect, useRef, useState } from 'react';
import { formatDay } from '@/utils/i18n/dates';
import { reportMailto } from '@/utils/reports/mailto';
import type { UiLanguage } from '@/utils/i18n/language';
import { sendMessage } from '@/utils/messaging';
import { isMissingServiceReport, type OutboxEntry, type QuarantinedEntry, type Report } from '@/utils/reports/schema';
import { useI18n } from '@/components/shared/use-i18n';
import { ReportEndpointField } from './ReportEndpointField';
import { answerStateText, reportStateText } from './state-text';
import { useOutbox, useQuarantinedReports } from './use-outbox';
import './reports.css';

/** A report's state as the list shows it: delivery, and the maintainers' answer if any. */
const shownState = (entry: OutboxEntry) => `${entry.state.status}|${entry.followUp?.state ?? ''}|${entry.followUp?.reply ?? ''}`;

/**
 * "Omat ilmoitukset": the nurse's reports (stale contacts, missing services), newest first, each with its state and,
 * once the maintainers answer, their state and reply (asked for when the page opens); a failed
 * one can be sent again or discarded. A report whose state changes while the page is open is
 * announced; news she had not seen is marked "Uusi vastaus" for this visit and then counted as
 * seen. Below the list: where reports go.
 */
export function ReportsSection() {
  const { t, language } = useI18n();
  const entries = useOutbox();
  const quarantined = useQuarantinedReports();
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<Map<string, string> | null>(null);
  // Reports with news she had not seen, as they were when this page showed them.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    void sendMessage('reports.checkAnswers', undefined).catch(() => undefined);
  }, []);

  // News counts as seen only while the page is in view (not in a tab in the background).
  useEffect(() => {
    const unseen = entries.filter((entry) => entry.followUp?.unseen).map((entry) => entry.report.id);
    if (unseen.length === 0) return;
    const markSeen = () => {
      if (document.visibilityState !== 'visible') return;
      setFresh((shown) => new Set([...shown, ...unseen]));
      void sendMessage('reports.answersSeen', { ids: unseen }).catch(() => undefined);
    };
    markSeen();
    document.addEventListener('visibilitychange', markSeen);
    return () => document.removeEventListener('visibilitychange', markSeen);
  }, [entries]);

  useEffect(() => {
    const now = new Map(entries.map((entry) => [entry.report.id, shownState(entry)]));
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const changed = entries.filter((entry) => before.has(entry.report.id) && before.get(entry.report.id) !== now.get(entry.report.id)).at(-1);
    if (!changed) return;
    const text = changed.followUp && before.get(changed.report.id)?.startsWith(`${changed.state.status}|`) ? answerStateText(t, changed.followUp.state) : reportStateText(t, changed.state);
    setAnnouncement(t('reportStatusChanged', reportTitle(t, changed.report), text));
  }, [entries, t]);

  const newestFirst = [...entries].reverse();
  return (
    <section className="options-section" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('reportsHeading')}</h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {newestFirst.length === 0 ? (
        <p className="options-hint">{t('reportsEmpty')}</p>
      ) : (
        <ul className="reports-list" aria-labelledby="reports-heading">
          {newestFirst.map((entry) => (
            <ReportItem key={entry.report.id} entry={entry} language={language} isNew={fresh.has(entry.report.id) || entry.followUp?.unseen === true} />
          ))}
        </ul>
      )}
      {quarantined.length > 0 ? <QuarantinedReports entries={quarantined} language={language} /> : null}
      <ReportEndpointField />
    </section>
  );
}

/** A list line's heading: the service, or for a missing-service report the words she searched. */
function reportTitle(t: ReturnType<typeof useI18n>['t'], report: Report): string {
  return isMissingServiceReport(report) ? t('missingReportEntryTitle', report.words) : report.serviceName;
}

function ReportItem({ entry, language, isNew }: { entry: OutboxEntry; language: UiLanguage; isNew: boolean }) {
  const { t } = useI18n();
  const { report, state, followUp } = entry;
  const name = reportTitle(t, report);
  const day = formatDay(new Date(report.createdAt), language);
  return (
    <li>
      <strong>{name}</strong>
      <p className="report-state">
        {isMissingServiceReport(report) ? t('missingReportEntryLabel', day) : t('reportEntryLabel', report.organisationName, t(`reportField_${report.field}`), day)}
      </p>
      <p className={state.status === 'failed' ? 'report-state report-state-failed' : 'report-state'}>{reportStateText(t, state)}</p>
      {followUp ? (
        <div className="report-answer" data-testid="report-answer">
          <p className="report-state">
            <span className={followUp.state === 'received' ? undefined : 'report-done'}>{answerStateText(t, followUp.state)}</span>
            {isNew ? <span className="report-new"> {t('reportAnswerNew')}</span> : null}
          </p>
          {followUp.reply ? (
            <figure className="report-reply">
              <figcaption>{t('reportAnswerReplyLabel')}</figcaption>
              <blockquote>{followUp.reply}</blockquote>
            </figure>
          ) : null}
        </div>
      ) : null}
      {state.status === 'failed' ? (
        <div className="actions">
          <button type="button" aria-label={t('reportRetryFor', name)} onClick={() => void sendMessage('reports.retry', { id: report.id })}>
            {t('reportRetry')}
          </button>
          <button type="button" aria-label={t('reportDiscardFor', name)} onClick={() => void sendMessage('reports.discard', { id: report.id })}>
            {t('reportDiscard')}
          </button>
        </div>
      ) : null}
      {state.status === 'handed-to-email' ? (
        <a href={reportMailto(report, state.to)} target="_blank" rel="noreferrer">
          {t('reportOpenEmail')}
        </a>
      ) : null}
    </li>
  );
}

/**
 * Reports stored by an older or newer version that this one cannot read: kept untouched (a
 * later version may send them), shown so that the nurse knows they exist, with their content.
 */
function QuarantinedReports({ entries, language }: { entries: QuarantinedEntry[]; language: UiLanguage }) {
  const { t } = useI18n();
  return (
    <div className="reports-quarantined">
      <h3 id="reports-quarantined-heading">{t('reportsQuarantinedHeading')}</h3>
      <p className="options-hint">{t('reportsQuarantinedHint')}</p>
      <ul className="reports-list" aria-labelledby="reports-quarantined-heading">
        {entries.map((entry, position) => {
          const created = entry.createdAt ? new Date(entry.createdAt) : null;
          const day = created && !Number.isNaN(created.getTime()) ? formatDay(created, language) : null;
          return (
            <li key={position}>
              <strong>{entry.serviceName ?? t('reportsQuarantinedUnnamed')}</strong>
              {day ? <p className="report-state">{day}</p> : null}
              <details>
                <summary>{t('reportsQuarantinedShow')}</summary>
                <p className="report-state">{entry.problem}</p>
                <pre className="report-raw">{JSON.stringify(entry.raw, null, 2)?.slice(0, 4_000)}</pre>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
