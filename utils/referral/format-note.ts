import { contactsOf, formatAddress, hasAnyContact, hostOf, markedAsOrganisations, shortPhoneLabel } from '../catalogue/contacts';
import { HOSTILE_CHARACTERS, type OpeningHours, type Organisation, type Service } from '../catalogue/schema';
import { formatHours } from '../hours/format';
import { formatDay, formatIsoDay } from '../i18n/dates';
import type { UiLanguage } from '../i18n/language';
import { NOTE_TEMPLATES } from './templates';
import { localisedName } from '../i18n/language';
import { hoursInFinnish, phoneLabelIn, serviceNameIn, type ShownText } from '../i18n/service-texts';

/** Record systems strip formatting and show narrow columns: plain text, lines of at most this. */
export const NOTE_LINE_WIDTH = 72;

export interface NoteInput {
  service: Service;
  organisation: Organisation;
  /** When the note is written (the nurse's "today", in Helsinki time). */
  date: Date;
  language: UiLanguage;
}

/** Wraps at word boundaries; continuation lines are indented so the label stays readable. */
export function wrapLine(line: string, width = NOTE_LINE_WIDTH): string[] {
  if (line.length <= width) return [line];
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length > width && current) {
      lines.push(current);
      current = `  ${word}`;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

const HOSTILE_GLOBAL = new RegExp(HOSTILE_CHARACTERS.source, 'gu');

/**
 * One fact, one line, whatever the data holds: line breaks, tabs, bidi and invisible
 * characters become a space (the schema refuses them already; a note must not depend on it).
 */
export function oneLineFact(text: string): string {
  return text.replace(HOSTILE_GLOBAL, ' ').replace(/\s+/gu, ' ').trim();
}

/** Longest link written in full (a wrapped line is indented by two); longer ones by their host name alone. */
const NOTE_LINK_MAX = NOTE_LINE_WIDTH - 2;

/**
 * A link in a note starts with the host name a reader can judge ("mieli.fi"), then the path if
 * it fits on the line (a record system cannot follow a link anyway: the host is what matters).
 */
export function noteLink(url: string): string {
  const host = hostOf(url);
  try {
    const { pathname, search } = new URL(url);
    const full = `${host}${pathname === '/' ? '' : pathname}${search}`;
    return full.length <= NOTE_LINK_MAX ? full : host;
  } catch {
    return host;
  }
}

/**
 * The referral note: plain text, short lines, nothing about the patient (the nurse adds
 * that herself). Pure: the same input always gives the same text.
 */
export function formatReferralNote({ service, organisation, date, language }: NoteInput): string {
  const t = NOTE_TEMPLATES[language];
  const contacts = contactsOf(service, organisation);
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  // A text the service lacks in the note's language is written in Finnish and says so; the
  // organisation's name is its registered name, shown in Finnish without a remark.
  const marked = (shown: ShownText, brackets: '()' | '[]' = '()') => (shown.inFinnish ? `${shown.text} ${brackets[0]}${t.inFinnish}${brackets[1]}` : shown.text);
  const organisationName = localisedName(organisation, language);
  const hoursText = (hours: OpeningHours) => {
    const text = formatHours(hours, language);
    return text && hoursInFinnish(hours, language) ? `${text} [${t.inFinnish}]` : text;
  };

  const lines: string[] = [
    `${t.heading} ${formatDay(date, language)}`,
    `${t.service}: ${marked(serviceNameIn(service, language))}`,
    `${t.organisation}: ${organisationName}`,
  ];
  if (contacts.owner === 'organisation' && hasAnyContact(contacts)) lines.push(t.organisationContacts);
  // A kind the service lacks is the organisation's: said on its line ("Verkossa: polli.fi (järjestön)").
  const whose = (kind: Parameters<typeof markedAsOrganisations>[1]) => (markedAsOrganisations(contacts, kind) ? t.fromOrganisation : '');
  for (const phone of contacts.phones.slice(0, 3)) {
    const shownLabel = phoneLabelIn(phone, language);
    const short = shortPhoneLabel(shownLabel?.text);
    const label = short && shownLabel ? marked({ text: short, inFinnish: shownLabel.inFinnish }, '[]') : '';
    const hours = phone.hours ? hoursText(phone.hours) : '';
    const details = [label, hours, whose('phones')].filter(Boolean).join(', ');
    lines.push(`${t.phone}: ${phone.display}${details ? ` (${details})` : ''}`);
  }
  const suffix = (kind: Parameters<typeof markedAsOrganisations>[1]) => (whose(kind) ? ` (${whose(kind)})` : '');
  if (contacts.email) lines.push(`${t.email}: ${contacts.email}${suffix('email')}`);
  if (contacts.website) lines.push(`${t.web}: ${noteLink(contacts.website)}${suffix('website')}`);
  for (const address of contacts.addresses.slice(0, 2)) lines.push(`${t.address}: ${formatAddress(address)}${suffix('addresses')}`);
  if (contacts.hours && !contacts.phones.some((phone) => phone.hours)) {
    // The hours as written, not "open now": the note is read later, by someone else.
    lines.push(`${t.hours}: ${hoursText(contacts.hours)}`);
  }
  if (!hasAnyContact(contacts)) lines.push(t.noContacts);
  const terms = [
    service.cost === 'free' ? t.free : service.cost === 'fee' ? t.fee : '',
    service.referral === 'none' ? t.noReferral : service.referral === 'required' ? t.referralRequired : '',
  ].filter(Boolean);
  if (terms.length > 0) lines.push(terms.join(' '));
  if (service.languages.length > 0) {
    lines.push(`${t.languages}: ${service.languages.map((code) => languageNames.of(code) ?? code).join(', ')}`);
  }
  // "Tarkistettu" only where a person confirmed the facts (who and what are in the data).
  lines.push(service.verifiedAt && service.verifiedBy ? t.verified(formatIsoDay(service.verifiedAt, language)) : t.unverified);
  return lines.flatMap((line) => wrapLine(oneLineFact(line))).join('\n');
}
