import { formatAddress, hasAnyContact, shortPhoneLabel, type Contacts } from '@/utils/catalogue/contacts';
import { useI18n } from '@/components/shared/use-i18n';

/** How to reach a service: phone as a tel: link with its hours, e-mail, website, address. */
export function ContactList({ contacts }: { contacts: Contacts }) {
  const { t } = useI18n();
  if (!hasAnyContact(contacts)) return <p className="no-contacts">{t('noContacts')}</p>;
  return (
    <dl className="contacts">
      {contacts.phones.slice(0, 3).map((phone) => (
        <div key={`${phone.number}-${phone.label ?? ''}`} className="contact-row">
          <dt>{t('phone')}</dt>
          <dd>
            <a href={`tel:${phone.number}`}>{phone.display}</a>
            {shortPhoneLabel(phone.label) ? <span className="contact-note"> · {shortPhoneLabel(phone.label)}</span> : null}
            {phone.hours ? <span className="contact-hours"> · {phone.hours}</span> : null}
          </dd>
        </div>
      ))}
      {contacts.email ? (
        <div className="contact-row">
          <dt>{t('email')}</dt>
          <dd>
            <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
          </dd>
        </div>
      ) : null}
      {contacts.website ? (
        <div className="contact-row">
          <dt>{t('website')}</dt>
          <dd>
            <a href={contacts.website} target="_blank" rel="noreferrer noopener">
              {contacts.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
            </a>
          </dd>
        </div>
      ) : null}
      {contacts.addresses.slice(0, 2).map((address) => (
        <div key={formatAddress(address)} className="contact-row">
          <dt>{t('address')}</dt>
          <dd>{formatAddress(address)}</dd>
        </div>
      ))}
    </dl>
  );
}
