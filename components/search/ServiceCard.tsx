import { contactsOf, firstSentence, hasAnyContact } from '@/utils/catalogue/contacts';
import { mainContactOf } from '@/utils/handoff/main-contact';
import { PICK_LIMIT } from '@/utils/handoff/pick-list';
import { formatIsoDay } from '@/utils/i18n/dates';
import type { SearchResult } from '@/utils/search/search';
import { ContactList } from '@/components/search/ContactList';
import { NotePreview } from '@/components/search/NotePreview';
import { MainContactLine } from '@/components/handoff/MainContactLine';
import { useI18n } from '@/components/shared/use-i18n';
import { localisedName } from '@/utils/i18n/language';
import { descriptionIn, serviceNameIn } from '@/utils/i18n/service-texts';
import { InFinnishMark } from '@/components/search/InFinnishMark';
import type { ReactNode } from 'react';

interface PickControl {
  picked: boolean;
  /** The pick list is full (5 services) and this one is not on it. */
  full: boolean;
  onToggle: () => void;
}

export interface ServiceCardProps {
  result: Pick<SearchResult, 'service' | 'organisation'>;
  id: string;
  selected: boolean;
  note: string;
  previewOpen: boolean;
  onSelect: () => void;
  onCopy: () => void;
  onTogglePreview: () => void;
  pick?: PickControl;
  /**
   * The card as a picture of what nurses see (the workbench renders it on the server): the same
   * markup without the buttons, which do nothing on a page without script.
   */
  readOnly?: boolean;
  /**
   * Beside the badges: the popup's "report outdated information" (it needs the browser; the card
   * does not, so the popup passes it in and the workbench's picture of the card goes without).
   */
  report?: ReactNode;
}

function Description({ shown }: { shown: { text: string; inFinnish: boolean } }) {
  return (
    <p className="description" lang={shown.inFinnish ? 'fi' : undefined}>
      {firstSentence(shown.text)}
      <InFinnishMark show={shown.inFinnish} />
    </p>
  );
}

/**
 * One result. Every item shows the service, the organisation and its main contact, so that
 * three fit at a glance; the selected one opens its badges and buttons, and on request its
 * description, every contact and the note.
 */
export function ServiceCard({ result, id, selected, note, previewOpen, onSelect, onCopy, onTogglePreview, pick, readOnly = false, report }: ServiceCardProps) {
  const { t, language } = useI18n();
  const { service, organisation } = result;
  const shownName = serviceNameIn(service, language);
  const serviceName = shownName.text;
  const organisationName = localisedName(organisation, language);
  // "Tarkistettu" only where a person confirmed facts (schema v2 requires who and what).
  const verifiedDate = service.verifiedAt && service.verifiedBy ? formatIsoDay(service.verifiedAt, language) : null;
  const contacts = contactsOf(service, organisation);
  return (
    <li id={id} className={selected ? 'result selected' : 'result'} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
      {/* At most two lines (styles: .service-name), so three results fit at a glance in every
          language; the whole name stays in the heading's text and in its title. */}
      <h2 className="service-name" lang={shownName.inFinnish ? 'fi' : undefined} title={serviceName}>
        {serviceName}
        <InFinnishMark show={shownName.inFinnish} />
      </h2>
      <p className="organisation-name">{organisationName}</p>
      <MainContactLine contact={mainContactOf(contacts)} />
      {selected ? (
        <div className="result-details">
          <div className="result-meta">
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
            {/* Beside the verification badge it is about: one row, so three results fit at a glance. */}
            {report}
          </div>
          {readOnly ? null : (
            <div className="actions">
              <button type="button" className="primary" aria-label={t('copyNoteFor', serviceName)} onClick={onCopy}>
                {t('copyNote')}
              </button>
              {pick ? (
                <button
                  type="button"
                  aria-pressed={pick.picked}
                  disabled={pick.full && !pick.picked}
                  title={pick.full && !pick.picked ? t('pickListFull', PICK_LIMIT) : undefined}
                  aria-label={t(pick.picked ? 'pickRemoveFor' : 'pickAddFor', serviceName)}
                  onClick={pick.onToggle}
                >
                  {t(pick.picked ? 'pickRemove' : 'pickAdd')}
                </button>
              ) : null}
              <button type="button" aria-expanded={previewOpen} aria-controls={`${id}-note`} onClick={onTogglePreview}>
                {previewOpen ? t('hideNote') : t('showNote')}
              </button>
            </div>
          )}
          {previewOpen ? (
            <div className="result-more">
              <Description shown={descriptionIn(service, language)} />
              {contacts.owner === 'organisation' && hasAnyContact(contacts) ? <p className="contact-owner">{t('organisationContacts')}</p> : null}
              <ContactList contacts={contacts} />
              <NotePreview id={`${id}-note`} serviceName={serviceName} note={note} />
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
