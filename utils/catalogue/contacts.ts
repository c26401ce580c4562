import type { Address, OpeningHours, Organisation, Phone, Service } from './schema';

/** The kinds of contact point a service or an organisation can have; each falls back on its own. */
export const CONTACT_KINDS = ['phones', 'email', 'website', 'addresses'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How to reach a service: per kind, its own contact where it has one, else its organisation's. */
export interface Contacts {
  phones: Phone[];
  email?: string;
  website?: string;
  addresses: Address[];
  hours?: OpeningHours;
  /**
   * `organisation`: the service has no contact point of its own, everything shown is the
   * organisation's (said once, above the contacts); `service`: it has at least one.
   */
  owner: 'service' | 'organisation';
  /**
   * The kinds shown from the organisation because the service has none of that kind (only kinds
   * the organisation has). With `owner: 'service'` these are marked one by one where shown.
   */
  fromOrganisation: ContactKind[];
}

export function hasOwnContacts(service: Service): boolean {
  return service.phones.length > 0 || Boolean(service.email || service.website) || service.addresses.length > 0;
}

const hasKind = (record: Service | Organisation, kind: ContactKind): boolean =>
  kind === 'phones' || kind === 'addresses' ? record[kind].length > 0 : Boolean(record[kind]);

/**
 * Per kind (phones, e-mail, web page, addresses): the service's own when it has that kind,
 * else its organisation's. A service's own line replaces the organisation's switchboard (never
 * both: two numbers side by side mislead), but a service that only has an e-mail of its own
 * still shows the organisation's phone and web page: saving a service's first e-mail must not
 * take the web page off its card. Hours are the service's own only.
 */
export function contactsOf(service: Service, organisation: Organisation): Contacts {
  const source = (kind: ContactKind) => (hasKind(service, kind) ? service : organisation);
  const email = source('email').email;
  const website = source('website').website;
  return {
    phones: source('phones').phones,
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    addresses: source('addresses').addresses,
    ...(service.hours ? { hours: service.hours } : {}),
    owner: hasOwnContacts(service) ? 'service' : 'organisation',
    fromOrganisation: CONTACT_KINDS.filter((kind) => !hasKind(service, kind) && hasKind(organisation, kind)),
  };
}

/** An organisation's own contacts, for a card of the organisation itself. */
export function organisationContacts(organisation: Organisation): Contacts {
  return {
    phones: organisation.phones,
    ...(organisation.email ? { email: organisation.email } : {}),
    ...(organisation.website ? { website: organisation.website } : {}),
    addresses: organisation.addresses,
    owner: 'organisation',
    fromOrganisation: CONTACT_KINDS.filter((kind) => hasKind(organisation, kind)),
  };
}

/** Whether a shown kind is the organisation's while the service has contacts of its own: marked where shown. */
export function markedAsOrganisations(contacts: Contacts, kind: ContactKind): boolean {
  return contacts.owner === 'service' && contacts.fromOrganisation.includes(kind);
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
