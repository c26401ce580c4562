import type { z } from 'zod';
import { phoneDisplayIssues } from './phone-display';
import { catalogueSchema, type Catalogue } from './schema';
import { upgradeCatalogue } from './upgrade-v1';

export type ParseResult =
  | { success: true; catalogue: Catalogue }
  | { success: false; data: unknown; issues: z.core.$ZodIssue[] };

/**
 * Validates untrusted catalogue data (a file, the bundled JSON, a feed): the schema, and that
 * every phone display dials its number (libphonenumber-js; all problems listed at once).
 */
export function parseCatalogue(data: unknown): ParseResult {
  const result = catalogueSchema.safeParse(data);
  const phoneIssues: z.core.$ZodIssue[] = phoneDisplayIssues(upgradeCatalogue(data)).map(({ path, message }) => ({
    code: 'custom',
    path,
    message,
    input: undefined,
  }));
  if (result.success && phoneIssues.length === 0) return { success: true, catalogue: result.data };
  return { success: false, data, issues: [...(result.success ? [] : result.error.issues), ...phoneIssues] };
}

function recordAt(data: unknown, collection: PropertyKey, index: PropertyKey): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const list = (data as Record<PropertyKey, unknown>)[collection];
  if (!Array.isArray(list) || typeof index !== 'number') return undefined;
  const record = list[index] as { id?: unknown } | undefined;
  return typeof record?.id === 'string' ? record.id : undefined;
}

/**
 * One line per problem naming the record and the field, e.g.
 * `services[3] "mieli-ry-kriisipuhelin": phones[0].number: number: E.164 like +358925250111`.
 */
export function formatIssues(data: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const [collection, index, ...field] = issue.path;
    if (collection !== undefined && typeof index === 'number') {
      const id = recordAt(data, collection, index);
      const record = `${String(collection)}[${index}]${id ? ` "${id}"` : ''}`;
      const fieldPath = field.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
      return `${record}: ${fieldPath || '(record)'}: ${issue.message}`;
    }
    return `${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`;
  });
}
