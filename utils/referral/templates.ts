/**
 * Referral note wording per language. A note's language is chosen independently of the UI:
 * a Finnish-speaking nurse may write a note in Swedish for a Swedish-speaking client.
 */
import type { UiLanguage } from '../i18n/language';
import { IN_FINNISH } from '../i18n/service-texts';

export interface NoteTemplate {
  heading: string;
  service: string;
  organisation: string;
  phone: string;
  email: string;
  web: string;
  address: string;
  hours: string;
  free: string;
  fee: string;
  noReferral: string;
  referralRequired: string;
  languages: string;
  verified: (date: string) => string;
  unverified: string;
  organisationContacts: string;
  /** After a contact the service lacks and its organisation has: "(järjestön)". */
  fromOrganisation: string;
  noContacts: string;
  /** After a catalogue text that has no version in this language: it is shown in Finnish. */
  inFinnish: string;
}

export const NOTE_TEMPLATES: Record<UiLanguage, NoteTemplate> = {
  fi: {
    heading: 'Ohjaus järjestön palveluun',
    service: 'Palvelu',
    organisation: 'Järjestö',
    phone: 'Puhelin',
    email: 'Sähköposti',
    web: 'Verkossa',
    address: 'Osoite',
    hours: 'Aukiolo',
    free: 'Maksuton.',
    fee: 'Maksullinen.',
    noReferral: 'Ei vaadi lähetettä.',
    referralRequired: 'Vaatii lähetteen tai päätöksen.',
    languages: 'Kielet',
    verified: (date) => `Tarkistettu ${date}.`,
    unverified: 'Yhteystiedot tarkistamatta: varmista ennen yhteydenottoa.',
    organisationContacts: 'Yhteystiedot ovat järjestön (palvelulla ei omia):',
    fromOrganisation: 'järjestön',
    noContacts: 'Luettelossa ei ole yhteystietoja.',
    inFinnish: IN_FINNISH.fi,
  },
  sv: {
    heading: 'Hänvisning till organisationens tjänst',
    service: 'Tjänst',
    organisation: 'Organisation',
    phone: 'Telefon',
    email: 'E-post',
    web: 'Webb',
    address: 'Adress',
    hours: 'Öppet',
    free: 'Avgiftsfri.',
    fee: 'Avgiftsbelagd.',
    noReferral: 'Ingen remiss behövs.',
    referralRequired: 'Kräver remiss eller beslut.',
    languages: 'Språk',
    verified: (date) => `Kontrollerad ${date}.`,
    unverified: 'Kontaktuppgifterna okontrollerade: kontrollera före kontakt.',
    organisationContacts: 'Kontaktuppgifterna är organisationens (tjänsten har inga egna):',
    fromOrganisation: 'organisationens',
    noContacts: 'Katalogen har inga kontaktuppgifter.',
    inFinnish: IN_FINNISH.sv,
  },
  en: {
    heading: 'Referral to an NGO service',
    service: 'Service',
    organisation: 'Organisation',
    phone: 'Phone',
    email: 'Email',
    web: 'Web',
    address: 'Address',
    hours: 'Hours',
    free: 'Free of charge.',
    fee: 'Fee applies.',
    noReferral: 'No referral needed.',
    referralRequired: 'Needs a referral or decision.',
    languages: 'Languages',
    verified: (date) => `Verified ${date}.`,
    unverified: 'Contact details not verified: check before contacting.',
    organisationContacts: "Contacts are the organisation's (the service has none of its own):",
    fromOrganisation: "the organisation's",
    noContacts: 'The catalogue has no contact details.',
    inFinnish: IN_FINNISH.en,
  },
};
