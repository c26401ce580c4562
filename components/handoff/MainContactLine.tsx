import { useI18n } from '@/components/shared/use-i18n';
import { useNow } from '@/components/shared/use-now';
import { HoursNote } from '@/components/search/ContactList';
import type { MainContact } from '@/utils/handoff/main-contact';

const LABEL = { phone: 'phone', email: 'email', website: 'website', address: 'address' } as const;

/** A result item's main contact on one line: "Puhelin 09 123 4567 · Auki nyt · sulkeutuu klo 15". */
export function MainContactLine({ contact }: { contact: MainContact | null }) {
  const { t } = useI18n();
  const now = useNow();
  if (!contact) return <p className="main-contact no-contacts">{t('noContacts')}</p>;
  return (
    <p className="main-contact">
      <span className="main-contact-label">{t(LABEL[contact.kind])} </span>
      {'href' in contact ? (
        <a href={contact.href} {...(contact.kind === 'website' ? { target: '_blank', rel: 'noreferrer noopener' } : {})} onClick={(event) => event.stopPropagation()}>
          {contact.text}
        </a>
      ) : (
        contact.text
      )}
      {contact.kind === 'phone' && contact.hours ? <HoursNote hours={contact.hours} now={now} /> : null}
      {contact.fromOrganisation ? <span className="contact-note contact-from-organisation"> · {t('contactFromOrganisation')}</span> : null}
    </p>
  );
}
