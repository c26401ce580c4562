import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Whether the printed form of a phone number dials the stored one. A nurse reads the display
 * aloud or types it; the link dials `number`: the two must be the same number, or one of them
 * reaches someone else. Finnish numbers are compared in E.164 (libphonenumber-js); service
 * numbers (116 016, 0800 …) by their digits. Returns the problem, or null.
 */
export function phoneDisplayProblem(display: string, number: string): string | null {
  if (number.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(display, 'FI');
    if (!parsed) return `display "${display}" is not a phone number`;
    return parsed.number === number ? null : `display "${display}" dials ${parsed.number}, not ${number}`;
  }
  const digits = display.replace(/[\s\-–()]/gu, '');
  return digits === number ? null : `display "${display}" is not the service number ${number}`;
}

export interface PhoneIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Every phone of every organisation and service whose display does not dial its number. Reads
 * the value defensively (it may have failed the schema elsewhere), so `validate` lists all
 * problems at once.
 */
export function phoneDisplayIssues(catalogue: unknown): PhoneIssue[] {
  const issues: PhoneIssue[] = [];
  for (const collection of ['organisations', 'services'] as const) {
    const records = (catalogue as Record<string, unknown> | null)?.[collection];
    if (!Array.isArray(records)) continue;
    records.forEach((record: { phones?: unknown } | null, index) => {
      if (!Array.isArray(record?.phones)) return;
      record.phones.forEach((phone: { display?: unknown; number?: unknown } | null, phoneIndex) => {
        if (typeof phone?.display !== 'string' || typeof phone.number !== 'string') return;
        const message = phoneDisplayProblem(phone.display, phone.number);
        if (message) issues.push({ path: [collection, index, 'phones', phoneIndex, 'display'], message });
      });
    });
  }
  return issues;
}
