import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Phone } from '@jarjestoopas/utils/catalogue/schema';
import type { PtvPhone } from '../client/records';
import { oneLine } from './texts';

/**
 * A PTV phone as a catalogue phone: E.164 from `prefixNumber` + `number` (libphonenumber-js);
 * a Finnish service number without a prefix (0800…, 116 123) read as dialled in Finland.
 * Fax and SMS numbers are not phones a nurse calls: null, as for a number that does not parse.
 */
export function toCataloguePhone(phone: PtvPhone): Phone | null {
  const kind = (phone.type ?? 'Phone').toLowerCase();
  if (kind !== 'phone') return null;
  const digits = (phone.number ?? '').replace(/[^0-9+]/gu, '');
  if (!digits) return null;
  const label = phone.additionalInformation ? oneLine(phone.additionalInformation, 200).text : undefined;
  const withLabel = (value: Phone): Phone => (label ? { ...value, label } : value);
  // Short national service numbers (116 123) have no E.164 form: the catalogue keeps the digits.
  if (!phone.prefixNumber && /^[0-9]{3,6}$/u.test(digits)) return withLabel({ number: digits, display: groupShort(digits) });
  const dialled = phone.prefixNumber ? `${phone.prefixNumber.trim()}${digits.replace(/^0/u, '')}` : digits;
  const parsed = parsePhoneNumberFromString(dialled, 'FI');
  if (!parsed || !parsed.isPossible()) return null;
  const display = parsed.country === 'FI' ? parsed.formatNational() : parsed.formatInternational();
  return withLabel({ number: parsed.number, display });
}

function groupShort(digits: string): string {
  return digits.length === 6 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
}

/** A mapped phone and the language version of PTV's channel it came in ("fi", "sv", "en"). */
export interface PhoneInLanguage {
  phone: Phone | null;
  language: string | null;
}

/**
 * Distinct phones by number. PTV lists a number once per language version of the channel, its
 * `additionalInformation` in that language: the Finnish one is the catalogue's `label`, the
 * Swedish and English ones its `labels`. Without a Finnish label the first label stays `label`
 * (the schema translates a Finnish label; it has no place for a lone Swedish one).
 */
export function uniquePhones(entries: readonly PhoneInLanguage[]): Phone[] {
  const byNumber = new Map<string, { phone: Phone; labels: Partial<Record<string, string>> }>();
  for (const { phone, language } of entries) {
    if (!phone) continue;
    const seen = byNumber.get(phone.number) ?? { phone: { ...phone, label: undefined }, labels: {} };
    byNumber.set(phone.number, seen);
    if (phone.label && seen.labels[language ?? ''] === undefined) seen.labels[language ?? ''] = phone.label;
    if (phone.label && seen.labels.first === undefined) seen.labels.first = phone.label;
  }
  return [...byNumber.values()].map(({ phone, labels }) => {
    const { label: _none, ...rest } = phone;
    const label = labels.fi ?? labels.first;
    if (!label) return rest;
    const translated = labels.fi ? { ...(labels.sv ? { sv: labels.sv } : {}), ...(labels.en ? { en: labels.en } : {}) } : {};
    return { ...rest, label, ...(Object.keys(translated).length > 0 ? { labels: translated } : {}) };
  });
}
