import { HANDBOOK_CATEGORIES } from '../catalogue/categories';
import { contactsOf, firstSentence, formatAddress, shortPhoneLabel } from '../catalogue/contacts';
import type { Organisation, Service } from '../catalogue/schema';
import { formatHours } from '../hours/format';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/language';
import { shortWebsite } from './main-contact';

/** The languages a printout for the client can be in: those a note can be in. */
export const CLIENT_LANGUAGES = UI_LANGUAGES;
export type ClientLanguage = UiLanguage;

/** One service as the client reads it: public catalogue facts only, never internal notes. */
export interface PrintedService {
  id: string;
  name: string;
  /** The catalogue has the name only in Finnish (the printout says so). */
  nameInFinnish: boolean;
  organisation: string;
  /** The handbook categories, translated: what it helps with, in her language. */
  helpsWith: string[];
  /** The catalogue's one-line description; the catalogue writes these in Finnish only. */
  description: string;
  descriptionInFinnish: boolean;
  phones: Array<{ display: string; label?: string; hours?: string }>;
  hours?: string;
  addresses: string[];
  email?: string;
  website?: { url: string; short: string };
  free: boolean;
  noReferral: boolean;
}

/**
 * Bracketed remarks the catalogue keeps for its maintainer ("(lähteet: mentalhealth.fi; IS
 * 3/2022)", "(kellonajat eivät näkyneet)") are not for the client: they are left out.
 */
const MAINTAINER_REMARK = /\s*\((?=[^)]*(?:lähte|lähde|IS \d|näky|tarkist|\d{4}))[^)]*\)/gi;
export function forClient(text: string): string {
  return text.replace(MAINTAINER_REMARK, '').trim();
}

const CATEGORY_NAMES = new Map(HANDBOOK_CATEGORIES.map((category) => [category.id, category.names]));

/**
 * What the client's printout holds for each chosen service, in the language picked for her.
 * Texts the catalogue has only in Finnish stay Finnish and are marked as such. Verification
 * states, sources and catalogue ids stay out: they are for professionals.
 */
export function printedServices(entries: ReadonlyArray<{ service: Service; organisation: Organisation }>, language: ClientLanguage): PrintedService[] {
  return entries.map(({ service, organisation }) => {
    const contacts = contactsOf(service, organisation);
    const translatedName = language === 'fi' ? service.name : service.names[language];
    const translatedOrganisation = language === 'fi' ? organisation.name : organisation.names[language];
    return {
      id: service.id,
      name: translatedName ?? service.name,
      nameInFinnish: !translatedName,
      organisation: translatedOrganisation ?? organisation.name,
      helpsWith: service.categories.flatMap((id) => {
        const names = CATEGORY_NAMES.get(id);
        return names ? [names[language] ?? names.fi] : [];
      }),
      description: forClient(firstSentence(service.description)),
      descriptionInFinnish: language !== 'fi',
      phones: contacts.phones.slice(0, 3).map((phone) => {
        const label = shortPhoneLabel(phone.label);
        const hours = phone.hours ? forClient(formatHours(phone.hours, language)) : '';
        return { display: phone.display, ...(label ? { label: forClient(label) } : {}), ...(hours ? { hours } : {}) };
      }),
      ...(contacts.hours && forClient(formatHours(contacts.hours, language)) ? { hours: forClient(formatHours(contacts.hours, language)) } : {}),
      addresses: contacts.addresses.slice(0, 2).map(formatAddress),
      ...(contacts.email ? { email: contacts.email } : {}),
      ...(contacts.website ? { website: { url: contacts.website, short: shortWebsite(contacts.website) } } : {}),
      free: service.cost === 'free',
      noReferral: service.referral === 'none',
    };
  });
}
