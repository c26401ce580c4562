import { formatAddress, hasAnyContact, hostOf, markedAsOrganisations, shortPhoneLabel, type ContactKind, type Contacts } from '@/utils/catalogue/contacts';
import type { OpeningHours } from '@/utils/catalogue/schema';
import { formatHours, formatOpenState } from '@/utils/hours/format';
import { openState } from '@/utils/hours/open-now';
import { useI18n } from '@/components/shared/use-i18n';
import { useNow } from '@/components/shared/use-now';
import { InFinnishMark } from '@/components/search/InFinnishMark';
import { hoursInFinnish, phoneLabelIn, type ShownText } from '@/utils/i18n/service-texts';

/** "Auki nyt · sulkeutuu klo 15" (or the printed hours when they cannot be read as a timetable). */
export function HoursNote({ hours, now }: { hours: OpeningHours; now: Date }) {
  const { language } = useI18n();
  const state = formatOpenState(openState(hours, now), language);
  const printed = formatHours(hours, language);
  const printedInFinnish = hoursInFinnish(hours, language);
  const open = state !== null && /^(Auki|Öppet|Open|Päivystys|Jour)/.test(state);
  return (
    <>
      {state ? <span className={open ? 'contact-hours open-now' : 'contact-hours'}> · {state}</span> : null}
      {printed && printed !== '24/7' ? (
        <span className="contact-hours" lang={printedInFinnish ? 'fi' : undefined}>
          {' '}
          · {printed}
          <InFinnishMark show={printedInFinnish} />
        </span>
      ) : null}
    </>
  );
}

function PhoneLabel({ label }: { label: ShownText | null }) {
  const short = shortPhoneLabel(label?.text);
  if (!label || !short) return null;
  return (
    <span className="contact-note" lang={label.inFinnish ? 'fi' : undefined}>
      {' '}
      · {short}
      <InFinnishMark show={label.inFinnish} />
    </span>
  );
}

/**
 * How to reach a service: its own phone lines first, each with its hours and whether it is
 * open now (Helsinki time, Finnish holidays), then e-mail, web page (shown by its host name:
 * the address a link really goes to) and address.
 */
export function ContactList({ contacts }: { contacts: Contacts }) {
  const { t, language } = useI18n();
  const now = useNow();
  if (!hasAnyContact(contacts)) return <p className="no-contacts">{t('noContacts')}</p>;
  // A kind the service lacks is its organisation's: said beside it, so she knows whom she reaches.
  const whose = (kind: ContactKind) => (markedAsOrganisations(contacts, kind) ? <span className="contact-note contact-from-organisation"> · {t('contactFromOrganisation')}</span> : null);
  return (
    <dl className="contacts">
      {contacts.phones.slice(0, 3).map((phone) => (
        <div key={`${phone.number}-${phone.label ?? ''}`} className="contact-row">
          <dt>{t('phone')}</dt>
          <dd>
            <a href={`tel:${phone.number}`}>{phone.display}</a>
            <PhoneLabel label={phoneLabelIn(phone, language)} />
            {phone.hours ? <HoursNote hours={phone.hours} now={now} /> : null}
            {whose('phones')}
          </dd>
        </div>
      ))}
      {contacts.hours && !contacts.phones.some((phone) => phone.hours) ? (
        <div className="contact-row">
          <dt>{t('hours')}</dt>
          <dd>
            <HoursNote hours={contacts.hours} now={now} />
          </dd>
        </div>
      ) : null}
      {contacts.email ? (
        <div className="contact-row">
          <dt>{t('email')}</dt>
          <dd>
            <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
            {whose('email')}
          </dd>
        </div>
      ) : null}
      {contacts.website ? (
        <div className="contact-row">
          <dt>{t('website')}</dt>
          <dd>
            <a href={contacts.website} target="_blank" rel="noreferrer noopener">
              {hostOf(contacts.website)}
            </a>
            {whose('website')}
          </dd>
        </div>
      ) : null}
      {contacts.addresses.slice(0, 2).map((address) => (
        <div key={formatAddress(address)} className="contact-row">
          <dt>{t('address')}</dt>
          <dd>
            {formatAddress(address)}
            {whose('addresses')}
          </dd>
        </div>
      ))}
    </dl>
  );
}
