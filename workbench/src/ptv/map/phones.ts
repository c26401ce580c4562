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

/** Distinct phones by number, first label kept. */
export function uniquePhones(phones: Array<Phone | null>): Phone[] {
  const seen = new Map<string, Phone>();
  for (const phone of phones) if (phone && !seen.has(phone.number)) seen.set(phone.number, phone);
  return [...seen.values()];
}
