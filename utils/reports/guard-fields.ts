/**
 * The henkilötunnus guard over a whole report: a code typed half in one field and half in
 * another ("131052" as the suggestion, "-308T" as the comment) is still a code once the
 * maintainer reads the two side by side. Pure; the report form, the background's draft schema
 * and the workbench's intake use these.
 */
import { findPersonalIdentityCodes, normaliseForGuard } from './guard';

/** Characters at a field's end and the next one's start that can hold part of a (spaced) code. */
const EDGE = 40;
/** Beyond this many fields only neighbours are joined (both orders), so the work stays linear. */
const ALL_PAIRS_UP_TO = 64;
const DIGIT = /[0-9]/;

/**
 * The last `EDGE` characters (trailing whitespace dropped). When the cut falls inside a run of
 * digits a `0` stands for the digits cut off, so "part of a longer number" still holds.
 */
function tail(text: string): string {
  const trimmed = text.trimEnd();
  const start = Math.max(0, trimmed.length - EDGE);
  return (start > 0 && DIGIT.test(trimmed[start - 1]!) ? '0' : '') + trimmed.slice(start);
}

/** The first `EDGE` characters (leading whitespace dropped), with the same stand-in digit. */
function head(text: string): string {
  const trimmed = text.trimStart();
  const end = Math.min(trimmed.length, EDGE);
  return trimmed.slice(0, end) + (end < trimmed.length && DIGIT.test(trimmed[end]!) ? '0' : '');
}

/** Which ordered pairs of fields to join: all of them for a report-sized list, neighbours otherwise. */
function pairs(count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    if (count <= ALL_PAIRS_UP_TO) {
      for (let j = 0; j < count; j++) if (i !== j) out.push([i, j]);
    } else if (i + 1 < count) {
      out.push([i, i + 1], [i + 1, i]);
    }
  }
  return out;
}

/**
 * The valid codes in any one field, or across two fields joined end to start in either order
 * (whitespace at the join removed), each in canonical form, once.
 */
export function findPersonalIdentityCodesAcrossFields(fields: readonly string[]): string[] {
  const normalised = fields.map(normaliseForGuard);
  const found = new Set(normalised.flatMap((text) => findPersonalIdentityCodes(text)));
  for (const [first, second] of pairs(normalised.length)) {
    // Only signed or letter-checked codes at a join: two numbers side by side are not a code someone wrote.
    for (const code of findPersonalIdentityCodes(tail(normalised[first]!) + head(normalised[second]!), { signOrLetter: true })) found.add(code);
  }
  return [...found];
}

/** Every string of a JSON value in document order: object keys, string values and numbers. */
function textsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const item of value) textsOf(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      textsOf(item, out);
    }
  }
  return out;
}

/**
 * The codes in a whole report or draft as received (any JSON): in any of its strings, or split
 * across two of them. The background's draft schema and the workbench's intake call this.
 */
export function findPersonalIdentityCodesInReport(value: unknown): string[] {
  return findPersonalIdentityCodesAcrossFields(textsOf(value));
}
