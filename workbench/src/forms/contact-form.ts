/**
 * The contact form (ui/contact-form.ts) ↔ a catalogue record: what was typed, the record with
 * it applied, and the shared schema's issues placed beside the fields they belong to.
 */
import type { OpeningHours } from '@jarjestoopas/utils/catalogue/schema';
import { formatHours } from '@jarjestoopas/utils/hours/format';
import { parseHoursText } from '@jarjestoopas/utils/hours/parse';
import type { CatalogueRecord } from '../store/records';
import type { EditFormValues, FieldErrors } from '../ui/contact-form';
import type { Translator } from '../ui/messages';
import { first, type FormBody } from './fields';

/** A stored record as the form shows it. */
export const formValues = (record: CatalogueRecord): EditFormValues => ({
  phones: ((record.phones as Array<{ number: string; display: string; label?: string }> | undefined) ?? []).map((p) => ({ number: p.number, display: p.display, label: p.label ?? '' })),
  email: String(record.email ?? ''),
  website: String(record.website ?? record.url ?? ''),
  addresses: ((record.addresses as Array<{ street?: string; postalCode?: string; city: string; label?: string }> | undefined) ?? []).map((a) => ({
    street: a.street ?? '',
    postalCode: a.postalCode ?? '',
    city: a.city,
    label: a.label ?? '',
  })),
  // Schema v2 hours are structured; the form edits them as the words a page prints.
  hours: record.hours && typeof record.hours === 'object' ? formatHours(record.hours as OpeningHours, 'fi') : String(record.hours ?? ''),
});

/** The form's contact fields, as typed. */
export function readContactForm(body: FormBody): EditFormValues {
  const phones: EditFormValues['phones'] = [];
  for (let index = 0; index < 20; index += 1) {
    const row = { number: first(body[`phones.${index}.number`]).trim(), display: first(body[`phones.${index}.display`]).trim(), label: first(body[`phones.${index}.label`]).trim() };
    if (body[`phones.${index}.number`] === undefined) break;
    if (row.number || row.display || row.label) phones.push(row);
  }
  // A form without address rows (an older page, a script) leaves the addresses as they are.
  let addresses: EditFormValues['addresses'];
  if (body['addresses.0.city'] !== undefined) {
    addresses = [];
    for (let index = 0; index < 20 && body[`addresses.${index}.city`] !== undefined; index += 1) {
      const row = {
        street: first(body[`addresses.${index}.street`]).trim(),
        postalCode: first(body[`addresses.${index}.postalCode`]).trim(),
        city: first(body[`addresses.${index}.city`]).trim(),
        label: first(body[`addresses.${index}.label`]).trim(),
      };
      if (row.street || row.postalCode || row.city || row.label) addresses.push(row);
    }
  }
  return { phones, email: first(body.email).trim(), website: first(body.website).trim(), ...(addresses ? { addresses } : {}), hours: first(body.hours).trim() };
}

/** The record with the form's contacts; everything else (and any v2 field) stays as it was. */
export function applyContactForm(record: CatalogueRecord, kind: 'service' | 'organisation', values: EditFormValues): CatalogueRecord {
  const next: CatalogueRecord = { ...record };
  const phones = values.phones.map((p) => ({
    // Typed spaces and dashes are the maintainer's formatting, not part of the number.
    number: p.number.replace(/[\s-]/g, ''),
    display: p.display || p.number,
    ...(p.label ? { label: p.label } : {}),
  }));
  const set = (name: string, value: unknown, keep: boolean) => {
    if (keep) next[name] = value;
    else delete next[name];
  };
  if (kind === 'service') {
    // Schema v2: a service with no contact point of its own uses its organisation's (an empty list).
    next.phones = phones;
    delete next.url;
    set('website', values.website, Boolean(values.website));
    // Typed hours are read like the importer reads a page ("ma–pe 9–15", "24/7"); words it cannot read stay as text.
    set('hours', values.hours ? parseHoursText(values.hours) : undefined, Boolean(values.hours));
  } else {
    next.phones = phones;
    set('website', values.website, Boolean(values.website));
  }
  set('email', values.email, Boolean(values.email));
  if (values.addresses) {
    // An empty city is left in, so that the schema says so beside the field instead of the row vanishing.
    next.addresses = values.addresses.map((a) => ({
      ...(a.street ? { street: a.street } : {}),
      ...(a.postalCode ? { postalCode: a.postalCode } : {}),
      city: a.city,
      ...(a.label ? { label: a.label } : {}),
    }));
  }
  return next;
}

/** Schema issues → the form field they belong to (url and website are one field in the form). */
export function errorsByField(
  issues: readonly { path: PropertyKey[]; message: string }[],
  kind: 'service' | 'organisation',
  t: Translator['t'],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.path.map(String);
    let name = [head, ...rest].join('.');
    if (head === 'url' || head === 'website') name = 'website';
    // The schema's own (English, developer) wording stays in brackets for anything unforeseen.
    const last = rest.at(-1);
    const known: Record<string, Parameters<Translator['t']>[0]> = {
      'phones.number': 'errorPhoneNumber',
      'phones.display': 'errorPhoneDisplay',
      'addresses.postalCode': 'errorPostalCode',
      'addresses.city': 'errorCity',
      email: 'errorEmail',
      website: 'errorWebsite',
    };
    const key = known[name === 'email' || name === 'website' ? name : `${head}.${last}`];
    const text = key ? t(key) : t('errorOther', issue.message);
    errors[name || '_'] ??= text;
  }
  return errors;
}
