import { describe, expect, it } from 'vitest';
import { contactsOf, isReachable } from '@/utils/catalogue/contacts';
import { exportHsds, importHsds } from '@/utils/catalogue/hsds';
import type { Catalogue, Organisation, Service } from '@/utils/catalogue/schema';
import { mainContactOf } from '@/utils/handoff/main-contact';
import { printedServices } from '@/utils/handoff/printout';
import { formatReferralNote } from '@/utils/referral/format-note';
import { baseService, catalogue, polli, type ExportedService } from './polli-fixture';

/**
 * Issue 19 item 6: a service shows its own contact of a kind and falls back to its organisation's
 * of that kind where it has none — in the card's contacts, the main contact line, the note, the
 * printout and the HSDS export alike. The bug: saving a service's first own e-mail took the
 * organisation's web page off its card and note.
 */
const organisation: Organisation = polli({ email: 'toimisto@polli.fi', addresses: [{ street: 'Malminkatu 24', postalCode: '00100', city: 'Helsinki' }] });
/** A service with no contact point of its own: everything is the organisation's. */
const bare: Service = { ...baseService, phones: [], addresses: [], email: undefined, website: undefined };
/** The same service after the maintainer saved its first own contact, an e-mail. */
const withOwnEmail: Service = { ...bare, email: 'ryhmat@polli.fi' };
const date = new Date('2026-12-03T10:00:00Z');

describe('contacts per kind', () => {
  it('a service with none of its own shows its organisation’s, said once', () => {
    const contacts = contactsOf(bare, organisation);
    expect(contacts).toMatchObject({ owner: 'organisation', email: 'toimisto@polli.fi', website: 'https://www.polli.fi', phones: organisation.phones, addresses: organisation.addresses });
    expect(contacts.fromOrganisation).toEqual(['phones', 'email', 'website', 'addresses']);
  });

  it('the bug: a first own e-mail keeps the organisation’s web page, phone and address', () => {
    const contacts = contactsOf(withOwnEmail, organisation);
    expect(contacts.email).toBe('ryhmat@polli.fi');
    expect(contacts.website).toBe('https://www.polli.fi');
    expect(contacts.phones).toEqual(organisation.phones);
    expect(contacts.addresses).toEqual(organisation.addresses);
    expect(contacts.owner).toBe('service');
    expect(contacts.fromOrganisation).toEqual(['phones', 'website', 'addresses']);
  });

  it('a service’s own line replaces the organisation’s switchboard, never both', () => {
    const ownLine = { number: '+358409876543', display: '040 987 6543' };
    const contacts = contactsOf({ ...withOwnEmail, phones: [ownLine] }, organisation);
    expect(contacts.phones).toEqual([ownLine]);
    expect(contacts.fromOrganisation).toEqual(['website', 'addresses']);
    expect(mainContactOf(contacts)).toEqual({ kind: 'phone', text: '040 987 6543', href: 'tel:+358409876543' });
  });

  it('each kind on its own: the organisation’s website with the service’s own address', () => {
    const contacts = contactsOf({ ...bare, addresses: [{ city: 'Vantaa', street: 'Asematie 1' }] }, organisation);
    expect(contacts.addresses).toEqual([{ city: 'Vantaa', street: 'Asematie 1' }]);
    expect(contacts.website).toBe('https://www.polli.fi');
    expect(contacts.fromOrganisation).toEqual(['phones', 'email', 'website']);
  });

  it('the main contact line says when its contact is the organisation’s', () => {
    expect(mainContactOf(contactsOf(withOwnEmail, organisation))).toEqual({ kind: 'phone', text: '040 123 4567', href: 'tel:+358401234567', fromOrganisation: true });
    // All the organisation's: the card says so once, not on the line.
    expect(mainContactOf(contactsOf(bare, organisation))).toEqual({ kind: 'phone', text: '040 123 4567', href: 'tel:+358401234567' });
  });

  it('reachability counts every kind, the service’s or the organisation’s', () => {
    const silent: Organisation = { ...organisation, website: undefined, email: undefined, phones: [], addresses: [] };
    expect(isReachable(bare, silent)).toBe(false);
    expect(isReachable(withOwnEmail, silent)).toBe(true);
    expect(isReachable(bare, { ...silent, website: 'https://www.polli.fi' })).toBe(true);
  });
});

describe('the note, the printout and the HSDS export follow the same rule', () => {
  it('the note keeps the organisation’s web page beside the service’s first own e-mail, marked as the organisation’s', () => {
    const before = formatReferralNote({ service: bare, organisation, date, language: 'fi' });
    expect(before).toContain('Yhteystiedot ovat järjestön (palvelulla ei omia):');
    expect(before).toContain('Verkossa: polli.fi\n');
    const after = formatReferralNote({ service: withOwnEmail, organisation, date, language: 'fi' });
    expect(after).not.toContain('Yhteystiedot ovat järjestön');
    expect(after).toContain('Sähköposti: ryhmat@polli.fi\n');
    expect(after).toContain('Verkossa: polli.fi (järjestön)');
    expect(after).toContain('Puhelin: 040 123 4567 (Toimisto, järjestön)');
    expect(after).toContain('Osoite: Malminkatu 24, 00100 Helsinki (järjestön)');
    expect(formatReferralNote({ service: withOwnEmail, organisation, date, language: 'sv' })).toContain('Webb: polli.fi (organisationens)');
    expect(formatReferralNote({ service: withOwnEmail, organisation, date, language: 'en' })).toContain("Web: polli.fi (the organisation's)");
  });

  it('the printout keeps the organisation’s web page and phone', () => {
    const [printed] = printedServices([{ service: withOwnEmail, organisation }], 'fi');
    expect(printed!.email).toBe('ryhmat@polli.fi');
    expect(printed!.website).toEqual({ url: 'https://www.polli.fi', short: 'polli.fi' });
    expect(printed!.phones).toEqual([{ display: '040 123 4567', label: 'Toimisto', labelInFinnish: false }]);
  });

  it('the HSDS export says which kinds nurses see from the organisation, and the round trip keeps the service’s own apart', () => {
    const small: Catalogue = { ...catalogue, organisations: [organisation], services: [withOwnEmail] };
    const [exported] = exportHsds(small) as ExportedService[];
    expect(exported!.email).toBe('ryhmat@polli.fi');
    expect(exported!.url).toBeUndefined();
    expect(exported!.organization.website).toBe('https://www.polli.fi');
    expect(exported!.x_jarjestoopas.contactsFromOrganisation).toEqual(['phones', 'website', 'addresses']);
    const back = importHsds([exported], { region: small.region, revision: 1, publishedAt: small.publishedAt, maintainer: small.maintainer, defaultAreas: [], defaultCategory: 'x' });
    expect(back.services[0]!.website).toBeUndefined();
    expect(contactsOf(back.services[0]!, back.organisations[0]!).website).toBe('https://www.polli.fi');
  });
});
