/**
 * Saving a record: one validation for save and publish (audit L2). The record must pass the
 * shared schema, and the catalogue with it in place must pass exactly what publishing checks
 * (catalogue-check.ts: phone displays dial their numbers, references resolve, verifiedBy is no
 * e-mail), so a save can never leave a record that blocks every publish after it.
 */
import type { core } from 'zod/mini';
import { checkCatalogue } from '../catalogue-check';
import type { Db, Queryable } from '../db/db';
import { audit } from './audit';
import { assembleCatalogue } from './catalogue';
import { json } from './json';
import { KIND_COLLECTION, RECORD_SCHEMAS, type CatalogueRecord, type RecordKind } from './records';

export type SaveResult = { ok: true; record: CatalogueRecord } | { ok: false; issues: core.$ZodIssue[] };

/** What publishing would refuse about this record, its paths relative to the record. */
async function publishProblems(tx: Queryable, kind: RecordKind, record: CatalogueRecord): Promise<core.$ZodIssue[]> {
  const catalogue = await assembleCatalogue(tx);
  const collection = KIND_COLLECTION[kind];
  const records = [...(catalogue[collection] as CatalogueRecord[])];
  const found = records.findIndex((other) => other.id === record.id);
  const index = found >= 0 ? found : records.length;
  records[index] = record;
  const checked = checkCatalogue({ ...catalogue, [collection]: records });
  if (checked.success) return [];
  return checked.issues.filter((issue) => issue.path[0] === collection && issue.path[1] === index).map((issue) => ({ ...issue, path: issue.path.slice(2) }));
}

/** The record on its own: the shared schema, and an id that does not change. */
function checkRecord(kind: RecordKind, id: string, data: unknown): SaveResult {
  const parsed = RECORD_SCHEMAS[kind].safeParse(data);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  const record = parsed.data as CatalogueRecord;
  if (record.id !== id) {
    return { ok: false, issues: [{ code: 'custom', path: ['id'], message: 'the id of a published record cannot change', input: record.id }] };
  }
  return { ok: true, record };
}

/** What a save would store, checked exactly as the save checks it (the editor's preview); nothing is written. */
export async function checkSave(db: Queryable, kind: RecordKind, id: string, data: unknown): Promise<SaveResult> {
  const checked = checkRecord(kind, id, data);
  if (!checked.ok) return checked;
  const issues = await publishProblems(db, kind, checked.record);
  return issues.length > 0 ? { ok: false, issues } : checked;
}

/** Validates (the record's schema, then as publishing would), then writes and audits the change (before → after). */
export async function saveRecord(db: Db, kind: RecordKind, id: string, data: unknown, actor: string, action = 'edit'): Promise<SaveResult> {
  const checked = checkRecord(kind, id, data);
  if (!checked.ok) return checked;
  const { record } = checked;
  return db.transaction(async (tx): Promise<SaveResult> => {
    const [before] = await tx.query<{ data: CatalogueRecord }>('SELECT data FROM records WHERE kind = $1 AND id = $2 FOR UPDATE', [kind, id]);
    const issues = await publishProblems(tx, kind, record);
    if (issues.length > 0) return { ok: false, issues };
    if (before) {
      await tx.query('UPDATE records SET data = $3::jsonb, updated_at = now() WHERE kind = $1 AND id = $2', [kind, id, json(record)]);
    } else {
      await tx.query(
        'INSERT INTO records (kind, id, position, data) VALUES ($1, $2, (SELECT coalesce(max(position), -1) + 1 FROM records WHERE kind = $1), $3::jsonb)',
        [kind, id, json(record)],
      );
    }
    await audit(tx, { actor, action: before ? action : 'create', kind, recordId: id, before: before?.data, after: record });
    return { ok: true, record };
  });
}
