import { contactsOf, organisationContacts, type Contacts } from '@/utils/catalogue/contacts';
import type { Catalogue, Organisation } from '@/utils/catalogue/schema';
import { ContactList } from '@/components/search/ContactList';
import { useI18n } from '@/components/shared/use-i18n';
import { organisationFullName } from './names';
import { localisedName } from '@/utils/i18n/language';

interface Props {
  organisation: Organisation;
  catalogue: Pick<Catalogue, 'services'>;
  onClose: () => void;
}

/**
 * The card of an organisation at an info session: who they are, how to reach them and what they
 * offer (service names only: the banner is small; the search shows the full cards and notes).
 */
export function OrganisationCard({ organisation, catalogue, onClose }: Props) {
  const { t, language } = useI18n();
  const services = catalogue.services.filter((service) => service.organisationId === organisation.id);
  const name = organisationFullName(organisation, language);
  // The first service's contacts (its own, else the organisation's), as its result card shows them.
  const contacts: Contacts = services[0] ? contactsOf(services[0], organisation) : organisationContacts(organisation);
  return (
    <section id="session-organisation-card" className="organisation-card" aria-label={name}>
      <div className="organisation-card-head">
        <h3>{name}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('sessionCloseCard')}
        </button>
      </div>
      <ContactList contacts={contacts} />
      {services.length > 0 ? (
        <>
          <h4>{t('sessionCardServices')}</h4>
          <ul className="organisation-services">
            {services.map((service) => (
              <li key={service.id}>{localisedName(service, language)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
