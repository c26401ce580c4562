/**
 * What a save changes for nurses, kind by kind: the contacts the card and the note show before
 * and after (the same per-kind rule, contactsOf), each marked when it is the organisation's.
 * "Verkkosivu: polli.fi (järjestön) poistuu" is what the maintainer must see before saving.
 */
import { CONTACT_KINDS, contactsOf, formatAddress, type ContactKind, type Contacts } from '@jarjestoopas/utils/catalogue/contacts';
import { shortWebsite } from '@jarjestoopas/utils/handoff/main-contact';
import type { Organisation, Service } from '@jarjestoopas/utils/catalogue/schema';
import { formatHours } from '@jarjestoopas/utils/hours/format';
import type { UiLanguage } from '@jarjestoopas/utils/i18n/language';
import type { Translator } from './messages';

type ChangedFact = ContactKind | 'hours';

export interface ContactChange {
  fact: ChangedFact;
  before: string[];
  after: string[];
}

function shown(contacts: Contacts, fact: ChangedFact, language: UiLanguage, whose: string): string[] {
  if (fact === 'hours') return contacts.hours ? [formatHours(contacts.hours, language)] : [];
  const items =
    fact === 'phones'
      ? contacts.phones.map((phone) => [phone.display, phone.label].filter(Boolean).join(' '))
      : fact === 'addresses'
        ? contacts.addresses.map(formatAddress)
        : fact === 'website'
          ? contacts.website ? [shortWebsite(contacts.website)] : []
          : contacts.email ? [contacts.email] : [];
  return contacts.fromOrganisation.includes(fact as ContactKind) ? items.map((item) => `${item} (${whose})`) : items;
}

export function contactChanges(before: Service, after: Service, organisation: Organisation, tr: Pick<Translator, 'language' | 'ext'>): ContactChange[] {
  const whose = tr.ext('contactFromOrganisation');
  const was = contactsOf(before, organisation);
  const will = contactsOf(after, organisation);
  return [...CONTACT_KINDS, 'hours' as const]
    .map((fact) => ({ fact, before: shown(was, fact, tr.language, whose), after: shown(will, fact, tr.language, whose) }))
    .filter((change) => change.before.join('\n') !== change.after.join('\n'));
}
