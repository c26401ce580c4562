/**
 * What a maintainer decides on when she reviews a PTV draft: the catalogue service's fields,
 * each with PTV's value. Pure: the store supplies the record and the earlier decisions.
 */
import { TEXT_LIMITS } from '@jarjestoopas/utils/catalogue/schema';
import { canonical } from '../diff';
import type { PtvDraft } from '../map/record';

const REVIEW_FIELDS = [
  'name',
  'names.sv',
  'names.en',
  'description',
  'descriptions.sv',
  'descriptions.en',
  'phones',
  'email',
  'website',
  'addresses',
  'hours',
  'languages',
  'channels',
  'cost',
  'areas',
  'audiences',
  'targetGroups',
  'categories',
] as const;
type ReviewField = (typeof REVIEW_FIELDS)[number];

/** A catalogue description needs 10 characters; PTV's summary stands in when the description is missing. */
function descriptionIn(draft: PtvDraft, language: 'fi' | 'sv' | 'en'): string | undefined {
  const text = draft.descriptions[language] ?? draft.summaries[language];
  return text && text.length >= 10 ? text.slice(0, TEXT_LIMITS.long) : undefined;
}

const nonEmpty = <T>(items: readonly T[]): T[] | undefined => (items.length > 0 ? [...items] : undefined);

/**
 * PTV's value for every review field, in the catalogue's shape; `undefined` where PTV says
 * nothing. Nothing PTV leaves empty is offered as a change: an import never erases a fact
 * a maintainer typed.
 */
function ptvValues(draft: PtvDraft): Partial<Record<ReviewField, unknown>> {
  const values: Partial<Record<ReviewField, unknown>> = {
    name: draft.names.fi ?? draft.names.sv ?? draft.names.en,
    'names.sv': draft.names.sv,
    'names.en': draft.names.en,
    description: descriptionIn(draft, 'fi') ?? descriptionIn(draft, 'sv') ?? descriptionIn(draft, 'en'),
    phones: nonEmpty(draft.phones),
    email: draft.emails[0],
    website: draft.webPages[0],
    // The catalogue's address has no coordinates (yet): they stay on the draft.
    addresses: nonEmpty(draft.addresses.map(({ lat: _lat, lon: _lon, ...address }) => address)),
    hours: draft.hours,
    languages: nonEmpty(draft.languages),
    channels: nonEmpty(draft.channels),
    cost: draft.cost === 'unknown' ? undefined : draft.cost,
    areas: nonEmpty(draft.areas),
    audiences: nonEmpty(draft.audiences),
    targetGroups: nonEmpty(draft.targetGroups.slice(0, 30)),
    categories: nonEmpty(draft.categories),
    'descriptions.sv': descriptionIn(draft, 'sv'),
    'descriptions.en': descriptionIn(draft, 'en'),
  };
  return values;
}

/** A record's value at a dotted field ("names.sv"). */
function valueAt(record: Record<string, unknown>, field: string): unknown {
  return field.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);
}

export interface PendingField {
  field: ReviewField;
  /** The record's value (undefined for a service without a record yet). */
  old: unknown;
  new: unknown;
}

export interface EarlierDecision {
  field: string;
  decision: 'accepted' | 'rejected';
  value: unknown;
}

/**
 * The fields waiting for a decision: PTV says something, it differs from the record, and the
 * latest decision on the field was not about this very value. So a rejected change is asked
 * again only when PTV changes that field again.
 */
export function pendingFields(draft: PtvDraft, record: Record<string, unknown> | undefined, decisions: readonly EarlierDecision[]): PendingField[] {
  const latest = new Map<string, EarlierDecision>();
  for (const decision of decisions) latest.set(decision.field, decision);
  const values = ptvValues(draft);
  return REVIEW_FIELDS.flatMap((field): PendingField[] => {
    const value = values[field];
    if (value === undefined) return [];
    const old = record ? valueAt(record, field) : undefined;
    if (record && canonical(old) === canonical(value)) return [];
    const decided = latest.get(field);
    if (decided && canonical(decided.value) === canonical(value)) return [];
    return [{ field, old, new: value }];
  });
}

/** The verification facts a field belongs to: accepting PTV's value un-confirms them. */
const VERIFIED_FACT: Partial<Record<ReviewField, string>> = {
  phones: 'phones',
  email: 'email',
  website: 'website',
  addresses: 'addresses',
  hours: 'hours',
  description: 'description',
};

/**
 * The record with PTV's values set and PTV added to its sources. Sourced, not verified:
 * a fact a maintainer had confirmed and PTV now replaces is no longer confirmed, and when
 * no confirmed fact is left the record has no verification date.
 */
export function applyFields(record: Record<string, unknown>, changes: ReadonlyArray<{ field: string; value: unknown }>, sourceUrl: string): Record<string, unknown> {
  const next: Record<string, unknown> = structuredClone(record);
  for (const { field, value } of changes) {
    const [head, tail] = field.split('.') as [string, string | undefined];
    if (tail) next[head] = { ...((next[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
    else next[head] = value;
  }
  const sources = Array.isArray(next.sources) ? (next.sources as string[]) : [];
  if (!sources.includes(sourceUrl)) next.sources = [...sources, sourceUrl];
  const touched = new Set(changes.flatMap(({ field }) => VERIFIED_FACT[field as ReviewField] ?? []));
  const confirmed = Array.isArray(next.verifiedFields) ? (next.verifiedFields as string[]) : [];
  if (confirmed.some((fact) => touched.has(fact))) {
    const left = confirmed.filter((fact) => !touched.has(fact));
    next.verifiedFields = left;
    if (left.length === 0) {
      next.verifiedAt = null;
      delete next.verifiedBy;
    }
  }
  return next;
}
