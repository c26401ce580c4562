import { z } from 'zod';

/**
 * Catalogue deltas (issue 22): what changed between two published revisions, so that a browser
 * one or a few revisions behind downloads kilobytes instead of the whole feed.
 *
 * A delta goes from one revision straight to a later one (no chains: the workbench publishes,
 * at each revision, deltas from each of the last few revisions to it). Services and
 * organisations travel record by record (added or changed: the whole record; ended or removed:
 * the id); every other top-level section that changed (header fields, categories, sites, info
 * sessions, any section a later format adds) travels whole. `sha256` is over the exact bytes of
 * the full `catalogue.json` of `toRevision`: applying the delta and serialising the result as
 * publishing does (JSON.stringify of the schema-parsed catalogue) must give those bytes.
 *
 * Pure: the workbench builds deltas with it, the extension applies them with it.
 */
export const DELTA_FORMAT = 'jarjestoopas-catalogue-delta';
export const DELTA_INDEX_FORMAT = 'jarjestoopas-catalogue-delta-index';

/** The lists applied record by record (by `id`); every other section is replaced whole. */
export const RECORD_LISTS = ['services', 'organisations'] as const;
type RecordList = (typeof RECORD_LISTS)[number];

const revision = z.number().int().nonnegative();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const jsonObject = z.record(z.string(), z.unknown());
const recordWithId = z.looseObject({ id: z.string().min(1) });

const listChangesSchema = z.strictObject({
  /** Added or changed records, whole, in the new revision's order. */
  upsert: z.array(recordWithId),
  /** Ids of records ended or removed. */
  remove: z.array(z.string()),
  /** The full id order, only when applying in place (changed kept, added appended) would not give it. */
  order: z.optional(z.array(z.string())),
});
export type ListChanges = z.infer<typeof listChangesSchema>;

export const deltaSchema = z.strictObject({
  format: z.literal(DELTA_FORMAT),
  region: z.string().min(1),
  fromRevision: revision,
  toRevision: revision,
  sha256: sha256Hex,
  /** The new value of each changed top-level section other than the record lists. */
  sections: jsonObject,
  /** Top-level sections the new revision no longer has. */
  removedSections: z.array(z.string()),
  records: z.strictObject({ services: listChangesSchema, organisations: listChangesSchema }),
});
export type CatalogueDelta = z.infer<typeof deltaSchema>;

/** The signed list of deltas into the latest revision (`deltas/index.json`). */
export const deltaIndexSchema = z.strictObject({
  format: z.literal(DELTA_INDEX_FORMAT),
  region: z.string().min(1),
  revision,
  /** SHA-256 and size of the latest full catalogue.json. */
  sha256: sha256Hex,
  bytes: z.number().int().nonnegative(),
  deltas: z.array(z.strictObject({ fromRevision: revision, toRevision: revision, bytes: z.number().int().nonnegative(), path: z.string().regex(/^\d+-\d+\.json$/) })),
});
export type DeltaIndex = z.infer<typeof deltaIndexSchema>;

export const deltaFileName = (fromRevision: number, toRevision: number) => `${fromRevision}-${toRevision}.json`;

export async function sha256HexOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

type Json = Record<string, unknown>;
export type IdRecord = { id: string } & Json;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asRecords = (value: unknown): IdRecord[] => (Array.isArray(value) ? (value as IdRecord[]) : []);

/** Applies one list's changes in place: changed records keep their place, added ones are appended. */
export function applyList(base: IdRecord[], changes: ListChanges): IdRecord[] {
  const upserts = new Map(changes.upsert.map((record) => [record.id, record as IdRecord]));
  const removed = new Set(changes.remove);
  const result: IdRecord[] = [];
  const seen = new Set<string>();
  for (const record of base) {
    if (removed.has(record.id)) continue;
    result.push(upserts.get(record.id) ?? record);
    seen.add(record.id);
  }
  for (const record of changes.upsert) if (!seen.has(record.id)) result.push(record as IdRecord);
  if (!changes.order) return result;
  const byId = new Map(result.map((record) => [record.id, record]));
  return changes.order.map((id) => {
    const record = byId.get(id);
    if (!record) throw new Error(`delta order names "${id}", which the result does not have`);
    return record;
  });
}

/**
 * The catalogue `delta` makes of `base` (the raw JSON of the revision in use). Throws when the
 * delta does not fit the base (other revision or region); whether the result is exactly the
 * published revision is for the caller to check with `sha256`.
 */
export function applyDelta(base: Json, delta: CatalogueDelta): Json {
  if (base.region !== delta.region) throw new Error(`delta for ${delta.region}, catalogue of ${String(base.region)}`);
  if (base.revision !== delta.fromRevision) throw new Error(`delta from revision ${delta.fromRevision}, catalogue at ${String(base.revision)}`);
  const result: Json = { ...base };
  for (const key of delta.removedSections) delete result[key];
  for (const [key, value] of Object.entries(delta.sections)) {
    if ((RECORD_LISTS as readonly string[]).includes(key)) throw new Error(`delta section "${key}" must travel record by record`);
    result[key] = value;
  }
  for (const list of RECORD_LISTS) result[list] = applyList(asRecords(base[list]), delta.records[list]);
  return result;
}

function diffList(before: IdRecord[], after: IdRecord[]): ListChanges {
  const old = new Map(before.map((record) => [record.id, JSON.stringify(record)]));
  const upsert = after.filter((record) => old.get(record.id) !== JSON.stringify(record));
  const present = new Set(after.map((record) => record.id));
  const changes: ListChanges = { upsert, remove: before.filter((record) => !present.has(record.id)).map((record) => record.id) };
  const naive = applyList(before, changes).map((record) => record.id);
  const wanted = after.map((record) => record.id);
  if (naive.length !== wanted.length || naive.some((id, at) => id !== wanted[at])) changes.order = wanted;
  return changes;
}

/**
 * What changed from `before` to `after` (both the raw JSON of published revisions), and the
 * SHA-256 of `after`'s exact published bytes.
 */
export function makeDelta(before: Json, after: Json, afterSha256: string): CatalogueDelta {
  const sections: Json = {};
  for (const [key, value] of Object.entries(after)) {
    if ((RECORD_LISTS as readonly string[]).includes(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) sections[key] = value;
  }
  const removedSections = Object.keys(before).filter((key) => !(key in after) && !(RECORD_LISTS as readonly string[]).includes(key));
  const records = Object.fromEntries(RECORD_LISTS.map((list) => [list, diffList(asRecords(before[list]), asRecords(after[list]))])) as Record<RecordList, ListChanges>;
  return {
    format: DELTA_FORMAT,
    region: String(after.region),
    fromRevision: Number(before.revision),
    toRevision: Number(after.revision),
    sha256: afterSha256,
    sections,
    removedSections,
    records,
  };
}

/** Parses untrusted JSON text as a delta (after its signature verified). */
export function parseDelta(data: unknown): CatalogueDelta | null {
  if (!isObject(data)) return null;
  const parsed = deltaSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
