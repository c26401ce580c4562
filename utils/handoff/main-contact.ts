import { contactsOf, formatAddress, type Contacts } from '../catalogue/contacts';
import type { OpeningHours, Organisation, Service } from '../catalogue/schema';

/** The one contact a result item shows before it is opened: how she would reach it first. */
export type MainContact =
  | { kind: 'phone'; text: string; href: string; hours?: OpeningHours }
  | { kind: 'email'; text: string; href: string }
  | { kind: 'website'; text: string; href: string }
  | { kind: 'address'; text: string };

/** "https://www.polli.fi/" → "polli.fi": the way a website is read out loud. */
export function shortWebsite(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
}

/** Phone first (with its hours), then e-mail, website, address; `null` when there is none. */
export function mainContactOf(contacts: Contacts): MainContact | null {
  const phone = contacts.phones[0];
  if (phone) return { kind: 'phone', text: phone.display, href: `tel:${phone.number}`, ...(phone.hours ? { hours: phone.hours } : {}) };
  if (contacts.email) return { kind: 'email', text: contacts.email, href: `mailto:${contacts.email}` };
  if (contacts.website) return { kind: 'website', text: shortWebsite(contacts.website), href: contacts.website };
  const address = contacts.addresses[0];
  return address ? { kind: 'address', text: formatAddress(address) } : null;
}

export function mainContactOfService(service: Service, organisation: Organisation): MainContact | null {
  return mainContactOf(contactsOf(service, organisation));
}
