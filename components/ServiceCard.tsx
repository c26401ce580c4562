import { contactsOf, firstSentence, hasAnyContact } from '@/utils/catalogue/contacts';
import { formatIsoDay } from '@/utils/i18n/dates';
import type { SearchResult } from '@/utils/search/search';
import { ContactList } from './ContactList';
import { NotePreview } from './NotePreview';
import { StaleContactReport } from './reports/StaleContactReport';
import { useI18n } from './hooks/use-i18n';

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
  const serviceName = (language !== 'fi' && service.names[language]) || service.name;
  const organisationName = (language !== 'fi' && organisation.names[language]) || organisation.name;
  // "Tarkistettu" only where a person confirmed facts (schema v2 requires who and what).
  const verifiedDate = service.verifiedAt && service.verifiedBy ? formatIsoDay(service.verifiedAt, language) : null;
  const contacts = contactsOf(service, organisation);
  return (
    <li id={id} className={selected ? 'result selected' : 'result'} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
      <h2 className="service-name">{serviceName}</h2>
      <p className="organisation-name">{organisationName}</p>
      <p className="description">{firstSentence(service.description)}</p>
      <div className="badges">
        {service.status === 'temporarilyClosed' ? <span className="badge badge-warn">{t('serviceTemporarilyClosed')}</span> : null}
        {service.cost === 'free' ? <span className="badge badge-good">{t('free')}</span> : null}
        {service.referral === 'none' ? <span className="badge badge-good">{t('noReferral')}</span> : null}
        {verifiedDate ? (
          <span className="badge badge-good" title={service.verifiedFields.join(', ')}>
            {t('verifiedBy', verifiedDate)}
          </span>
        ) : (
          <span className="badge badge-warn" title={t('unverifiedHint')}>
            {t('unverified')}
          </span>
        )}
      </div>
      {contacts.owner === 'organisation' && hasAnyContact(contacts) ? <p className="contact-owner">{t('organisationContacts')}</p> : null}
      <ContactList contacts={contacts} />
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
