import type { Address, OpeningHours, Organisation, Phone, Service } from './schema';

/** How to reach a service: its own contacts where it has them, else its organisation's. */
export interface Contacts {
  phones: Phone[];
  email?: string;
  website?: string;
  addresses: Address[];
  hours?: OpeningHours;
  /** Whose contacts these are: the service's own, or its organisation's (fallback). */
  owner: 'service' | 'organisation';
}

export function hasOwnContacts(service: Service): boolean {
  return service.phones.length > 0 || Boolean(service.email || service.website) || service.addresses.length > 0;
}

/**
 * The service's own contact points when it has any (all of them, and only them: mixing in the
 * organisation's switchboard beside a service's own line misleads); otherwise the
 * organisation's. Hours are the service's own only.
 */
export function contactsOf(service: Service, organisation: Organisation): Contacts {
  const hours = service.hours ? { hours: service.hours } : {};
  if (hasOwnContacts(service)) {
    return {
      phones: service.phones,
      ...(service.email ? { email: service.email } : {}),
      ...(service.website ? { website: service.website } : {}),
      addresses: service.addresses,
      ...hours,
      owner: 'service',
    };
  }
  return {
    phones: organisation.phones,
    ...(organisation.email ? { email: organisation.email } : {}),
    ...(organisation.website ? { website: organisation.website } : {}),
    addresses: organisation.addresses,
    ...hours,
    owner: 'organisation',
  };
}

/** A service is shown in results only if it is running and a nurse can reach it somehow. */
export function isReachable(service: Service, organisation: Organisation): boolean {
  return service.status !== 'ended' && hasAnyContact(contactsOf(service, organisation));
}

/** The host a link really goes to, for people to read ("mieli.fi"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
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
