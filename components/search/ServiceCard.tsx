import { contactsOf, firstSentence } from '@/utils/catalogue/contacts';
import { formatIsoDay } from '@/utils/i18n/dates';
import type { SearchResult } from '@/utils/search/search';
import { ContactList } from '@/components/search/ContactList';
import { NotePreview } from '@/components/search/NotePreview';
import { StaleContactReport } from '@/components/reports/StaleContactReport';
import { useI18n } from '@/components/shared/use-i18n';
import { localisedName } from '@/utils/i18n/language';

interface ServiceCardProps {
  result: SearchResult;
  id: string;
  selected: boolean;
  note: string;
  previewOpen: boolean;
  onSelect: () => void;
  onCopy: () => void;
  onTogglePreview: () => void;
}

/** One result: service, organisation, a one-line description, how to reach it, and its note. */
export function ServiceCard({ result, id, selected, note, previewOpen, onSelect, onCopy, onTogglePreview }: ServiceCardProps) {
  const { t, language } = useI18n();
  const { service, organisation } = result;
  const serviceName = localisedName(service, language);
  const organisationName = localisedName(organisation, language);
  const verifiedDate = service.verifiedAt ? formatIsoDay(service.verifiedAt, language) : null;
  return (
    <li id={id} className={selected ? 'result selected' : 'result'} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
      <h2 className="service-name">{serviceName}</h2>
      <p className="organisation-name">{organisationName}</p>
      <p className="description">{firstSentence(service.description)}</p>
      <div className="badges">
        {service.cost === 'free' ? <span className="badge badge-good">{t('free')}</span> : null}
        {service.referral === 'none' ? <span className="badge badge-good">{t('noReferral')}</span> : null}
        {verifiedDate ? (
          <span className="badge badge-good">{t('verifiedOn', verifiedDate)}</span>
        ) : (
          <span className="badge badge-warn" title={t('unverifiedHint')}>
            {t('unverified')}
          </span>
        )}
      </div>
      <ContactList contacts={contactsOf(service, organisation)} />
      <div className="actions">
        <button type="button" className="primary" aria-label={t('copyNoteFor', serviceName)} onClick={onCopy}>
          {t('copyNote')}
        </button>
        <button type="button" aria-expanded={previewOpen} aria-controls={`${id}-note`} onClick={onTogglePreview}>
          {previewOpen ? t('hideNote') : t('showNote')}
        </button>
      </div>
      {previewOpen ? <NotePreview id={`${id}-note`} serviceName={serviceName} note={note} /> : null}
      <StaleContactReport service={service} organisation={organisation} serviceName={serviceName} />
    </li>
  );
}
