/**
 * The one validation of what the feed publishes: the shared catalogue schema with every phone
 * display dialling its number (utils/catalogue/load.ts parseCatalogue, as the extension reads a
 * feed), and `verifiedBy` naming an organisation or a role, never a person's e-mail (audit M3).
 * Publishing runs it on the whole catalogue; saving a record runs the very same on the
 * catalogue with that record in place (audit L2), so a save never lets through what blocks a publish.
 */
import { parseCatalogue, type ParseResult } from '@jarjestoopas/utils/catalogue/load';

const VERIFIED_COLLECTIONS = ['organisations', 'services'] as const;
const looksLikeEmail = (value: unknown) => typeof value === 'string' && value.includes('@');

export function checkCatalogue(data: unknown): ParseResult {
  const parsed = parseCatalogue(data);
  const issues = parsed.success ? [] : [...parsed.issues];
  for (const collection of VERIFIED_COLLECTIONS) {
    const records = (data as Record<string, unknown> | null)?.[collection];
    if (!Array.isArray(records)) continue;
    records.forEach((record: { verifiedBy?: unknown } | null, index) => {
      if (looksLikeEmail(record?.verifiedBy)) {
        issues.push({ code: 'custom', path: [collection, index, 'verifiedBy'], message: 'verifiedBy names an organisation or a role, not an e-mail address', input: undefined });
      }
    });
  }
  if (parsed.success && issues.length === 0) return parsed;
  return { success: false, data, issues };
}

/** An old revision's records with an e-mail in verifiedBy name `organisation` instead (a rollback to before the M3 fix). */
export function withOrganisationAsVerifier(catalogue: Record<string, unknown>, organisation: string): Record<string, unknown> {
  const next = { ...catalogue };
  for (const collection of VERIFIED_COLLECTIONS) {
    const records = catalogue[collection];
    if (!Array.isArray(records)) continue;
    next[collection] = records.map((record: Record<string, unknown>) => (looksLikeEmail(record.verifiedBy) ? { ...record, verifiedBy: organisation } : record));
  }
  return next;
}
