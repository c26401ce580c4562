import type { Address, Organisation, Phone, Service } from './schema';

/** How to reach a service: its own contacts where it has them, else its organisation's. */
export interface Contacts {
  phones: Phone[];
  email?: string;
  website?: string;
  addresses: Address[];
  hours?: string;
}

export function contactsOf(service: Service, organisation: Organisation): Contacts {
  const email = service.email ?? organisation.email;
  const website = service.url ?? organisation.website;
  return {
    phones: service.phones ?? organisation.phones,
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    addresses: service.locations.length > 0 ? service.locations : organisation.addresses,
    ...(service.hours ? { hours: service.hours } : {}),
  };
}

export function hasAnyContact(contacts: Contacts): boolean {
  return contacts.phones.length > 0 || Boolean(contacts.email || contacts.website) || contacts.addresses.length > 0;
}

export function formatAddress(address: Address): string {
  const place = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.street, place].filter(Boolean).join(', ');
}

/** The first sentence of a description, for the one-line summary in results. */
export function firstSentence(text: string): string {
  const match = /^.+?[.!?](?=\s+[A-ZÅÄÖ0-9]|$)/su.exec(text.trim());
  return (match ? match[0] : text).trim();
}

/** A phone label's short form: the part before any explanation in brackets or after a semicolon. */
export function shortPhoneLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const short = label.split(/\s*[(;]/)[0]!.trim();
  return short.length > 0 ? short : undefined;
}
