import { contactsOf, formatAddress, shortPhoneLabel } from '../catalogue/contacts';
import type { Organisation, Service } from '../catalogue/schema';
import { formatDay, formatIsoDay } from '../i18n/dates';
import type { UiLanguage } from '../i18n/language';
import { NOTE_TEMPLATES } from './templates';
import { localisedName } from '../i18n/language';

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

/**
 * The referral note: plain text, short lines, nothing about the patient (the nurse adds
 * that herself). Pure: the same input always gives the same text.
 */
export function formatReferralNote({ service, organisation, date, language }: NoteInput): string {
  const t = NOTE_TEMPLATES[language];
  const contacts = contactsOf(service, organisation);
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const serviceName = localisedName(service, language);
  const organisationName = localisedName(organisation, language);

  const lines: string[] = [`${t.heading} ${formatDay(date, language)}`, `${t.service}: ${serviceName}`, `${t.organisation}: ${organisationName}`];
  for (const phone of contacts.phones.slice(0, 3)) {
    const label = shortPhoneLabel(phone.label);
    const details = [label, phone.hours].filter(Boolean).join(', ');
    lines.push(`${t.phone}: ${phone.display}${details ? ` (${details})` : ''}`);
  }
  if (contacts.email) lines.push(`${t.email}: ${contacts.email}`);
  if (contacts.website) lines.push(`${t.web}: ${contacts.website}`);
  for (const address of contacts.addresses.slice(0, 2)) lines.push(`${t.address}: ${formatAddress(address)}`);
  if (contacts.hours) lines.push(`${t.hours}: ${contacts.hours}`);
  const terms = [
    service.cost === 'free' ? t.free : service.cost === 'fee' ? t.fee : '',
    service.referral === 'none' ? t.noReferral : service.referral === 'required' ? t.referralRequired : '',
  ].filter(Boolean);
  if (terms.length > 0) lines.push(terms.join(' '));
  if (service.languages.length > 0) {
    lines.push(`${t.languages}: ${service.languages.map((code) => languageNames.of(code) ?? code).join(', ')}`);
  }
  lines.push(service.verifiedAt ? t.verified(formatIsoDay(service.verifiedAt, language)) : t.unverified);
  return lines.flatMap((line) => wrapLine(line)).join('\n');
}
