import { contactsOf, formatAddress, markedAsOrganisations, type Contacts } from '../catalogue/contacts';
import type { OpeningHours, Organisation, Service } from '../catalogue/schema';

/**
 * The one contact a result item shows before it is opened: how she would reach it first.
 * `fromOrganisation`: it is the organisation's while the service has other contacts of its own.
 */
export type MainContact = (
  | { kind: 'phone'; text: string; href: string; hours?: OpeningHours }
  | { kind: 'email'; text: string; href: string }
  | { kind: 'website'; text: string; href: string }
  | { kind: 'address'; text: string }
) & { fromOrganisation?: true };

/** "https://www.polli.fi/" → "polli.fi": the way a website is read out loud. */
export function shortWebsite(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
}

/** Phone first (with its hours), then e-mail, website, address; `null` when there is none. */
export function mainContactOf(contacts: Contacts): MainContact | null {
  const mark = (kind: Parameters<typeof markedAsOrganisations>[1]) => (markedAsOrganisations(contacts, kind) ? { fromOrganisation: true as const } : {});
  const phone = contacts.phones[0];
  if (phone) return { kind: 'phone', text: phone.display, href: `tel:${phone.number}`, ...(phone.hours ? { hours: phone.hours } : {}), ...mark('phones') };
  if (contacts.email) return { kind: 'email', text: contacts.email, href: `mailto:${contacts.email}`, ...mark('email') };
  if (contacts.website) return { kind: 'website', text: shortWebsite(contacts.website), href: contacts.website, ...mark('website') };
  const address = contacts.addresses[0];
  return address ? { kind: 'address', text: formatAddress(address), ...mark('addresses') } : null;
}

export function mainContactOfService(service: Service, organisation: Organisation): MainContact | null {
  return mainContactOf(contactsOf(service, organisation));
}
