/**
 * Catalogue records (categories, organisations, services, sites, info sessions) as the shared
 * catalogue schema's JSON (utils/catalogue/schema.ts), validated by it: new schema fields slot
 * in unchanged. Nothing is deleted; an ended record leaves the published feed.
 */
import type { ZodMiniType } from 'zod/mini';
import {
  categorySchema,
  infoSessionSchema,
  organisationSchema,
  serviceSchema,
  siteSchema,
  type Catalogue,
} from '@jarjestoopas/utils/catalogue/schema';
import type { Db, Queryable } from '../db/db';
import { audit } from './audit';

export const RECORD_KINDS = ['category', 'organisation', 'service', 'site', 'infoSession'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Which catalogue array each kind lives in, and the shared schema that validates it. */
export const KIND_COLLECTION = {
  category: 'categories',
  organisation: 'organisations',
  service: 'services',
  site: 'sites',
  infoSession: 'infoSessions',
} as const satisfies Record<RecordKind, keyof Catalogue>;

// The catalogue schemas are zod/mini ones (utils/catalogue/schema.ts).
export const RECORD_SCHEMAS: Record<RecordKind, ZodMiniType<{ id: string }>> = {
  category: categorySchema,
  organisation: organisationSchema,
  service: serviceSchema,
  site: siteSchema,
  infoSession: infoSessionSchema,
};

export type CatalogueRecord = { id: string } & Record<string, unknown>;
export type Header = Omit<Catalogue, (typeof KIND_COLLECTION)[RecordKind]>;

export interface StoredRecord {
  kind: RecordKind;
  id: string;
  data: CatalogueRecord;
  endedAt: Date | null;
}

function toStored(row: { kind: string; id: string; data: CatalogueRecord; ended_at: Date | null }): StoredRecord {
  return { kind: row.kind as RecordKind, id: row.id, data: row.data, endedAt: row.ended_at };
}

export async function listRecords(db: Queryable, kind: RecordKind, { includeEnded = false } = {}): Promise<StoredRecord[]> {
  const rows = await db.query<{ kind: string; id: string; data: CatalogueRecord; ended_at: Date | null }>(
    `SELECT kind, id, data, ended_at FROM records WHERE kind = $1 ${includeEnded ? '' : 'AND ended_at IS NULL'} ORDER BY position, id`,
    [kind],
  );
  return rows.map(toStored);
}

export async function getRecord(db: Queryable, kind: RecordKind, id: string): Promise<StoredRecord | undefined> {
  const [row] = await db.query<{ kind: string; id: string; data: CatalogueRecord; ended_at: Date | null }>(
    'SELECT kind, id, data, ended_at FROM records WHERE kind = $1 AND id = $2',
    [kind, id],
  );
  return row ? toStored(row) : undefined;
}

/** Nothing is deleted: an ended record stays in the database and leaves the published feed. */
export async function endRecord(db: Db, kind: RecordKind, id: string, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ data: CatalogueRecord }>(
      'UPDATE records SET ended_at = now(), ended_by = $3 WHERE kind = $1 AND id = $2 AND ended_at IS NULL RETURNING data',
      [kind, id, actor],
    );
    if (rows.length === 0) return false;
    await audit(tx, { actor, action: 'end', kind, recordId: id, before: rows[0]!.data, after: { ...rows[0]!.data, ended: true } });
    return true;
  });
}

/**
 * The facts that can be marked confirmed, and what the schema of this build can record. `who` is
 * an organisation or a role (it is published), never the maintainer's e-mail.
 */
export function verificationPatch(record: CatalogueRecord, kind: RecordKind, day: string, who: string, fields: string[]): CatalogueRecord {
  const shape = (RECORD_SCHEMAS[kind] as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const next: CatalogueRecord = { ...record, verifiedAt: day };
  // Schema v2 (issue14) adds verifiedBy / verifiedFields: set them where the shared schema has them.
  if ('verifiedBy' in shape) next.verifiedBy = who;
  if ('verifiedFields' in shape) next.verifiedFields = fields;
  return next;
}

