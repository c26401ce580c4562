import Papa from 'papaparse';
import { z } from 'zod';
import { catalogueSchema, type Catalogue, type InfoSession } from '../catalogue/schema';
import { formatIssues } from '../catalogue/load';
import { fromHelsinkiWallTime, toHelsinkiIso } from './helsinki-time';
import { createOrganisationMatcher, createSiteMatcher, type AliasFile } from './match-names';

/**
 * The coordinator's booking sheet (exported as CSV) → the catalogue's info sessions. Runs in
 * the maintainer's CLI. All or nothing: any bad row stops the import, and every problem is
 * listed with its spreadsheet row number (the header is row 1) and what to fix.
 */

export const SHEET_COLUMNS = ['pvm', 'alkaa', 'päättyy', 'toimipiste', 'järjestöt', 'kokemusasiantuntija', 'kohderyhmä', 'linkki', 'huom'] as const;
const REQUIRED_COLUMNS = ['pvm', 'alkaa', 'päättyy', 'toimipiste', 'järjestöt'] as const;

/**
 * "Cancelled" as coordinators write it in *huom*: PERUTTU, PERUUTETTU, peruuntunut, peruuntui,
 * perutaan, inställd/inställt, cancelled/canceled, in any case, alone or before a reason
 * ("PERUUTETTU - sairastuminen"), or after a word such as "tilaisuus".
 */
const CANCELLED_WORD = /(?<![\p{L}\p{N}])(?:peruttu|peruutettu|peruuntunut|peruuntui|perutaan|perutettu|inställd|inställt|cancell?ed)(?![\p{L}\p{N}])/iu;
/** The remark with its leading "cancelled" (and an optional "tilaisuus"/"info") removed: the rest is the note. */
const CANCELLED_PREFIX = /^\s*(?:(?:tilaisuus|info|järjestöinfo)\s+)?(?:peruttu|peruutettu|peruuntunut|peruuntui|perutaan|perutettu|inställd|inställt|cancell?ed)(?![\p{L}\p{N}])[!.]*/iu;
const isCancelled = (remark: string) => CANCELLED_WORD.test(remark) && !/\bei\s+(?:peruttu|peruutettu|peruuntunut)/iu.test(remark);

/**
 * Finnish Excel's "CSV (luetteloerotin)" is Windows-1252, not UTF-8. The CLI reads bytes: UTF-8
 * if they are UTF-8, otherwise Windows-1252 (every byte is a character there, and the Finnish
 * and Swedish letters are where Excel put them), with a notice to save as CSV UTF-8 next time.
 */
export const NOT_UTF8_ADVICE = 'Excel: Tallenna nimellä → "CSV UTF-8 (pilkuin erotettu)" (tallenna muodossa CSV UTF-8)';

export interface DecodedSheet {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  notice?: string;
}

export function decodeSheet(bytes: Uint8Array): DecodedSheet {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      notice: `the sheet is not UTF-8; it was read as Windows-1252 (Excel's "CSV (luetteloerotin)"). Check the ä and ö in the output, and next time: ${NOT_UTF8_ADVICE}`,
    };
  }
}
const YES = new Set(['kyllä', 'kylla', 'k', 'x', 'yes', 'ja']);
const NO = new Set(['ei', 'e', '', 'no', 'nej']);
const AUDIENCE: Record<string, InfoSession['audience']> = {
  asukkaat: 'residents',
  asukkaille: 'residents',
  '': 'residents',
  ammattilaiset: 'professionals',
  ammattilaisille: 'professionals',
  henkilöstö: 'professionals',
};

export type SheetImport = { ok: true; sessions: InfoSession[] } | { ok: false; errors: string[] };

function parseDate(text: string): { year: number; month: number; day: number } | string {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!match) return `date "${text}" is not like 10.9.2026 (day.month.year)`;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return `date "${text}" does not exist in the calendar`;
  }
  return { year, month, day };
}

function parseTime(text: string, column: string): { hour: number; minute: number } | string {
  const match = /^\s*(\d{1,2})(?:[.:](\d{2}))?\s*$/.exec(text);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2] ?? 0);
  if (!match || hour > 23 || minute > 59) return `${column} "${text}" is not a time like 13.00`;
  return { hour, minute };
}

const linkSchema = z.url({ protocol: /^https$/ });

export function importSheet(csv: string, catalogue: Catalogue, aliases: AliasFile): SheetImport {
  // Read as UTF-8 by someone else (U+FFFD where ä was): names would never match; say why.
  const broken = csv.indexOf('\uFFFD');
  if (broken !== -1) {
    const row = csv.slice(0, broken).split('\n').length;
    return { ok: false, errors: [`row ${row}: the sheet is not UTF-8 (a character could not be read): ${NOT_UTF8_ADVICE}`] };
  }
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    // Empty lines are kept (and skipped below) so that record n is spreadsheet row n + 2.
    skipEmptyLines: false,
    transformHeader: (header) => header.trim().toLocaleLowerCase('fi'),
  });
  const errors: string[] = [];
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((column) => !headers.includes(column));
  if (missing.length > 0) {
    return { ok: false, errors: [`row 1: missing column(s) ${missing.join(', ')}; the header must be ${SHEET_COLUMNS.join(',')}`] };
  }
  const blank = (record: Record<string, string> | undefined) => !record || Object.values(record).every((value) => !value?.trim());
  for (const error of parsed.errors) {
    // A short row (an empty line, trailing cells left out) is checked cell by cell below.
    if (error.code === 'TooFewFields' || (error.row !== undefined && blank(parsed.data[error.row]))) continue;
    const hint = error.code === 'TooManyFields' ? ': put a cell with commas in quotes, e.g. "MIELI ry; EHYT ry"' : '';
    errors.push(`row ${(error.row ?? 0) + 2}: ${error.message}${hint}`);
  }

  const matchOrganisation = createOrganisationMatcher(catalogue.organisations, aliases);
  const matchSite = createSiteMatcher(catalogue.sites, aliases);
  const sessions: InfoSession[] = [];
  const rowOfId = new Map<string, number>();

  parsed.data.forEach((record, index) => {
    if (blank(record)) return;
    const row = index + 2;
    const problems: string[] = [];
    const cell = (column: string) => (record[column] ?? '').trim();

    const date = parseDate(cell('pvm'));
    const start = parseTime(cell('alkaa'), 'alkaa');
    const end = parseTime(cell('päättyy'), 'päättyy');
    for (const value of [date, start, end]) if (typeof value === 'string') problems.push(value);

    const site = matchSite(cell('toimipiste'));
    if ('error' in site) problems.push(site.error);

    const names = cell('järjestöt').split(';').map((name) => name.trim()).filter(Boolean);
    if (names.length === 0) problems.push('järjestöt is empty: list the organisations separated by ;');
    const organisationIds: string[] = [];
    for (const name of names) {
      const match = matchOrganisation(name);
      if ('error' in match) problems.push(match.error);
      else if (!organisationIds.includes(match.id)) organisationIds.push(match.id);
    }

    const expert = cell('kokemusasiantuntija').toLocaleLowerCase('fi');
    if (!YES.has(expert) && !NO.has(expert)) problems.push(`kokemusasiantuntija "${cell('kokemusasiantuntija')}" must be kyllä or ei`);
    const audience = AUDIENCE[cell('kohderyhmä').toLocaleLowerCase('fi')];
    if (!audience) problems.push(`kohderyhmä "${cell('kohderyhmä')}" must be asukkaat or ammattilaiset`);
    const link = cell('linkki');
    if (link && !linkSchema.safeParse(link).success) problems.push(`linkki "${link}" is not an https:// address`);

    let startAt: Date | undefined;
    let endAt: Date | undefined;
    if (typeof date !== 'string' && typeof start !== 'string' && typeof end !== 'string') {
      startAt = fromHelsinkiWallTime({ ...date, ...start });
      endAt = fromHelsinkiWallTime({ ...date, ...end });
      if (endAt <= startAt) problems.push(`päättyy ${cell('päättyy')} is not after alkaa ${cell('alkaa')}`);
    }

    if (problems.length > 0 || !startAt || !endAt || 'error' in site || !audience) {
      errors.push(...problems.map((problem) => `row ${row}: ${problem}`));
      return;
    }
    const startIso = toHelsinkiIso(startAt);
    const id = `${startIso.slice(0, 10)}-${site.id}-${startIso.slice(11, 13)}${startIso.slice(14, 16)}`;
    const earlier = rowOfId.get(id);
    if (earlier !== undefined) {
      errors.push(`row ${row}: the same site and start time as row ${earlier} (${cell('pvm')} ${cell('alkaa')}): remove one of them`);
      return;
    }
    rowOfId.set(id, row);

    const remark = cell('huom');
    const cancelled = isCancelled(remark);
    const note = (cancelled ? remark.replace(CANCELLED_PREFIX, '') : remark).replace(/^[\s,;:–-]+/, '').trim();
    sessions.push({
      id,
      siteId: site.id,
      ...(link ? { online: { url: link } } : {}),
      start: startIso,
      end: toHelsinkiIso(endAt),
      organisationIds,
      experienceExpert: YES.has(expert),
      audience,
      cancelled,
      ...(note ? { note } : {}),
    });
  });

  if (errors.length === 0 && sessions.length === 0) errors.push('the sheet has no session rows');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sessions };
}

/** The catalogue with its sessions replaced by the sheet's, validated as a whole. */
export function withSessions(
  catalogue: Catalogue,
  sessions: InfoSession[],
  options: { revision: number; publishedAt: string },
): { ok: true; catalogue: Catalogue } | { ok: false; errors: string[] } {
  const next = { ...catalogue, revision: options.revision, publishedAt: options.publishedAt, infoSessions: sessions };
  const result = catalogueSchema.safeParse(next);
  if (!result.success) return { ok: false, errors: formatIssues(next, result.error.issues) };
  return { ok: true, catalogue: result.data };
}
