import { HANDBOOK_CATEGORIES } from '../catalogue/categories';
import { contactsOf, firstSentence, formatAddress, shortPhoneLabel } from '../catalogue/contacts';
import type { Organisation, Service } from '../catalogue/schema';
import { formatHours } from '../hours/format';
import { localisedName, UI_LANGUAGES, type UiLanguage } from '../i18n/language';
import { descriptionIn, hoursInFinnish, phoneLabelIn, serviceNameIn } from '../i18n/service-texts';
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
  /** The first sentence of the description, in her language where the catalogue has it. */
  description: string;
  descriptionInFinnish: boolean;
  /** `labelInFinnish` / `hoursInFinnish`: that text is the Finnish one (the printout says so). */
  phones: Array<{ display: string; label?: string; labelInFinnish?: boolean; hours?: string; hoursInFinnish?: boolean }>;
  hours?: string;
  hoursInFinnish?: boolean;
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
    const name = serviceNameIn(service, language);
    const description = descriptionIn(service, language);
    const hours = contacts.hours ? forClient(formatHours(contacts.hours, language)) : '';
    return {
      id: service.id,
      name: name.text,
      nameInFinnish: name.inFinnish,
      // The registered name of the organisation: in Finnish without a remark where it has no other.
      organisation: localisedName(organisation, language),
      helpsWith: service.categories.flatMap((id) => {
        const names = CATEGORY_NAMES.get(id);
        return names ? [names[language] ?? names.fi] : [];
      }),
      description: forClient(firstSentence(description.text)),
      descriptionInFinnish: description.inFinnish,
      phones: contacts.phones.slice(0, 3).map((phone) => {
        const shownLabel = phoneLabelIn(phone, language);
        const short = shortPhoneLabel(shownLabel?.text);
        const label = short ? forClient(short) : '';
        const phoneHours = phone.hours ? forClient(formatHours(phone.hours, language)) : '';
        return {
          display: phone.display,
          ...(label ? { label, labelInFinnish: shownLabel!.inFinnish } : {}),
          ...(phoneHours ? { hours: phoneHours, hoursInFinnish: hoursInFinnish(phone.hours!, language) } : {}),
        };
      }),
      ...(hours ? { hours, hoursInFinnish: hoursInFinnish(contacts.hours!, language) } : {}),
      addresses: contacts.addresses.slice(0, 2).map(formatAddress),
      ...(contacts.email ? { email: contacts.email } : {}),
      ...(contacts.website ? { website: { url: contacts.website, short: shortWebsite(contacts.website) } } : {}),
      free: service.cost === 'free',
      noReferral: service.referral === 'none',
    };
  });
}
