/**
 * The workbench's data: catalogue records, reports, maintainers, sign-in sessions, audit
 * history and published revisions, all through the one query interface (db/db.ts), so PGlite
 * and PostgreSQL run the same SQL. Records are the shared catalogue schema's JSON
 * (utils/catalogue/schema.ts) and are validated by it: new schema fields slot in unchanged.
 */
import type { core, ZodMiniType } from 'zod/mini';
import {
  categorySchema,
  infoSessionSchema,
  organisationSchema,
  serviceSchema,
  siteSchema,
  type Catalogue,
} from '@jarjestoopas/utils/catalogue/schema';
import type { Report } from '@jarjestoopas/utils/reports/schema';
import type { Db, Queryable } from './db/db';

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

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export async function audit(
  q: Queryable,
  entry: { actor: string; action: string; kind: string; recordId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await q.query('INSERT INTO audit_log (actor, action, kind, record_id, before, after) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)', [
    entry.actor,
    entry.action,
    entry.kind,
    entry.recordId,
    json(entry.before),
    json(entry.after),
  ]);
}

// ---------------------------------------------------------------- catalogue records

export async function isCatalogueEmpty(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM catalogue_header')).length === 0;
}

/** Loads a whole (already validated) catalogue into the empty tables, in one transaction. */
export async function importCatalogue(db: Db, catalogue: Catalogue, actor: string): Promise<void> {
  const { categories, organisations, services, sites, infoSessions, ...header } = catalogue;
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO catalogue_header (data) VALUES ($1::jsonb)', [json(header)]);
    await audit(tx, { actor, action: 'import', kind: 'catalogue', recordId: header.region, after: header });
    const all: Array<[RecordKind, CatalogueRecord[]]> = [
      ['category', categories],
      ['organisation', organisations],
      ['service', services],
      ['site', sites],
      ['infoSession', infoSessions],
    ];
    for (const [kind, records] of all) {
      // One statement per kind: a 10,000-service catalogue imports in seconds, not minutes.
      if (records.length === 0) continue;
      await tx.query(
        `INSERT INTO records (kind, id, position, data)
         SELECT $1, r->>'id', (ord - 1)::int, r FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(r, ord)`,
        [kind, json(records)],
      );
      await tx.query(
        `INSERT INTO audit_log (actor, action, kind, record_id, after)
         SELECT $1, 'import', $2, r->>'id', r FROM jsonb_array_elements($3::jsonb) AS t(r)`,
        [actor, kind, json(records)],
      );
    }
  });
}

export async function readHeader(db: Queryable): Promise<Header> {
  const [row] = await db.query<{ data: Header }>('SELECT data FROM catalogue_header');
  if (!row) throw new Error('the catalogue is empty: start the workbench once to import data/catalogue.json');
  return row.data;
}

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

export type SaveResult = { ok: true; record: CatalogueRecord } | { ok: false; issues: core.$ZodIssue[] };

/** Validates with the shared schema, then writes and audits the change (before → after). */
export async function saveRecord(db: Db, kind: RecordKind, id: string, data: unknown, actor: string, action = 'edit'): Promise<SaveResult> {
  const parsed = RECORD_SCHEMAS[kind].safeParse(data);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  const record = parsed.data as CatalogueRecord;
  if (record.id !== id) {
    return { ok: false, issues: [{ code: 'custom', path: ['id'], message: 'the id of a published record cannot change', input: record.id }] };
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.query<{ data: CatalogueRecord }>('SELECT data FROM records WHERE kind = $1 AND id = $2 FOR UPDATE', [kind, id]);
    if (before) {
      await tx.query('UPDATE records SET data = $3::jsonb, updated_at = now() WHERE kind = $1 AND id = $2', [kind, id, json(record)]);
    } else {
      await tx.query(
        'INSERT INTO records (kind, id, position, data) VALUES ($1, $2, (SELECT coalesce(max(position), -1) + 1 FROM records WHERE kind = $1), $3::jsonb)',
        [kind, id, json(record)],
      );
    }
    await audit(tx, { actor, action: before ? action : 'create', kind, recordId: id, before: before?.data, after: record });
  });
  return { ok: true, record };
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

/** The facts that can be marked confirmed, and what the schema of this build can record. */
export function verificationPatch(record: CatalogueRecord, kind: RecordKind, day: string, who: string, fields: string[]): CatalogueRecord {
  const shape = (RECORD_SCHEMAS[kind] as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const next: CatalogueRecord = { ...record, verifiedAt: day };
  // Schema v2 (issue14) adds verifiedBy / verifiedFields: set them where the shared schema has them.
  if ('verifiedBy' in shape) next.verifiedBy = who;
  if ('verifiedFields' in shape) next.verifiedFields = fields;
  return next;
}

/** Assembles the catalogue from the live (not ended) records, in the imported order. */
export async function assembleCatalogue(db: Queryable): Promise<Record<string, unknown>> {
  const header = await readHeader(db);
  const catalogue: Record<string, unknown> = { ...header };
  for (const kind of RECORD_KINDS) catalogue[KIND_COLLECTION[kind]] = (await listRecords(db, kind)).map((record) => record.data);
  return catalogue;
}

export async function replaceInfoSessions(db: Db, sessions: CatalogueRecord[], actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await tx.query<{ id: string; data: CatalogueRecord }>("SELECT id, data FROM records WHERE kind = 'infoSession' AND ended_at IS NULL");
    const incoming = new Map(sessions.map((session) => [session.id, session]));
    for (const row of current) {
      if (incoming.has(row.id)) continue;
      await tx.query("UPDATE records SET ended_at = now(), ended_by = $2 WHERE kind = 'infoSession' AND id = $1", [row.id, actor]);
      await audit(tx, { actor, action: 'end', kind: 'infoSession', recordId: row.id, before: row.data, after: { ...row.data, ended: true } });
    }
    let position = 0;
    for (const session of sessions) {
      const [before] = await tx.query<{ data: CatalogueRecord; ended_at: Date | null }>(
        "SELECT data, ended_at FROM records WHERE kind = 'infoSession' AND id = $1",
        [session.id],
      );
      await tx.query(
        `INSERT INTO records (kind, id, position, data) VALUES ('infoSession', $1, $2, $3::jsonb)
         ON CONFLICT (kind, id) DO UPDATE SET data = EXCLUDED.data, position = EXCLUDED.position, ended_at = NULL, ended_by = NULL, updated_at = now()`,
        [session.id, position++, json(session)],
      );
      if (!before || before.ended_at || JSON.stringify(before.data) !== JSON.stringify(session)) {
        await audit(tx, { actor, action: before ? 'edit' : 'create', kind: 'infoSession', recordId: session.id, before: before?.data, after: session });
      }
    }
  });
}

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  kind: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

export async function auditHistory(db: Queryable, filter: { kind?: string; recordId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await db.query<{ at: Date; actor: string; action: string; kind: string; record_id: string; before: unknown; after: unknown }>(
    `SELECT at, actor, action, kind, record_id, before, after FROM audit_log
     WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR record_id = $2)
     ORDER BY id DESC LIMIT $3`,
    [filter.kind ?? null, filter.recordId ?? null, filter.limit ?? 200],
  );
  return rows.map((row) => ({ at: row.at, actor: row.actor, action: row.action, kind: row.kind, recordId: row.record_id, before: row.before, after: row.after }));
}

// ---------------------------------------------------------------- reports

/**
 * Stores a report once. The unique Idempotency-Key decides, in SQL: a repeat (even two at the
 * same instant) inserts nothing and finds the first row.
 */
export async function insertReport(db: Queryable, report: Report, idempotencyKey: string): Promise<{ created: boolean; id: string }> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO reports (id, idempotency_key, service_id, body) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT DO NOTHING RETURNING id`,
    [report.id, idempotencyKey, report.serviceId, json(report)],
  );
  if (inserted.length > 0) return { created: true, id: inserted[0]!.id };
  const [existing] = await db.query<{ id: string }>('SELECT id FROM reports WHERE idempotency_key = $1 OR id = $2', [idempotencyKey, report.id]);
  return { created: false, id: existing?.id ?? report.id };
}

export type ReportStatus = 'open' | 'fixed' | 'not-a-problem';
export interface StoredReport {
  id: string;
  receivedAt: Date;
  serviceId: string;
  body: Report;
  status: ReportStatus;
  closedAt: Date | null;
  closedBy: string | null;
  reply: string | null;
}

type ReportRow = { id: string; received_at: Date; service_id: string; body: Report; status: ReportStatus; closed_at: Date | null; closed_by: string | null; reply: string | null };
const toReport = (row: ReportRow): StoredReport => ({
  id: row.id,
  receivedAt: row.received_at,
  serviceId: row.service_id,
  body: row.body,
  status: row.status,
  closedAt: row.closed_at,
  closedBy: row.closed_by,
  reply: row.reply,
});
const REPORT_COLUMNS = 'id::text AS id, received_at, service_id, body, status, closed_at, closed_by, reply';

export async function listReports(db: Queryable, status: ReportStatus | 'all' = 'open'): Promise<StoredReport[]> {
  const rows = await db.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM reports WHERE ($1 = 'all' OR status = $1) ORDER BY service_id, received_at`,
    [status],
  );
  return rows.map(toReport);
}

export async function countReports(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
  return Number(row?.n ?? 0);
}

export async function getReport(db: Queryable, id: string): Promise<StoredReport | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1::uuid`, [id]);
  return row ? toReport(row) : undefined;
}

export async function closeReport(db: Db, id: string, status: Exclude<ReportStatus, 'open'>, reply: string, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<ReportRow>(
      `UPDATE reports SET status = $2, reply = $3, closed_at = now(), closed_by = $4 WHERE id = $1::uuid AND status = 'open' RETURNING ${REPORT_COLUMNS}`,
      [id, status, reply, actor],
    );
    if (rows.length === 0) return false;
    await audit(tx, { actor, action: `close-${status}`, kind: 'report', recordId: id, before: { status: 'open' }, after: { status, reply } });
    return true;
  });
}

// ---------------------------------------------------------------- maintainers and sessions

export interface Maintainer {
  id: number;
  email: string;
  passwordHash: string;
}

export async function addMaintainer(db: Queryable, email: string, passwordHash: string): Promise<void> {
  await db.query(
    `INSERT INTO maintainers (email, password_hash) VALUES ($1, $2)
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, disabled_at = NULL`,
    [email.toLowerCase(), passwordHash],
  );
  await audit(db, { actor: 'command line', action: 'set-password', kind: 'maintainer', recordId: email.toLowerCase() });
}

export async function findMaintainer(db: Queryable, email: string): Promise<Maintainer | undefined> {
  const [row] = await db.query<{ id: number; email: string; password_hash: string }>(
    'SELECT id, email, password_hash FROM maintainers WHERE email = $1 AND disabled_at IS NULL',
    [email.toLowerCase()],
  );
  return row ? { id: row.id, email: row.email, passwordHash: row.password_hash } : undefined;
}

export async function countMaintainers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM maintainers WHERE disabled_at IS NULL');
  return Number(row?.n ?? 0);
}

export async function createSession(db: Queryable, tokenHash: string, maintainerId: number, csrfToken: string, ttlHours: number): Promise<void> {
  await db.query(
    `INSERT INTO sessions (token_hash, maintainer_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4::int))`,
    [tokenHash, maintainerId, csrfToken, ttlHours],
  );
}

export async function findSession(db: Queryable, tokenHash: string): Promise<{ email: string; csrfToken: string } | undefined> {
  const [row] = await db.query<{ email: string; csrf_token: string }>(
    `SELECT m.email, s.csrf_token FROM sessions s JOIN maintainers m ON m.id = s.maintainer_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND m.disabled_at IS NULL`,
    [tokenHash],
  );
  return row ? { email: row.email, csrfToken: row.csrf_token } : undefined;
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('UPDATE sessions SET ended_at = now() WHERE token_hash = $1', [tokenHash]);
}

// ---------------------------------------------------------------- session imports

export async function saveSessionImport(db: Queryable, actor: string, fileName: string, csv: string, sessions: unknown[]): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'INSERT INTO session_imports (uploaded_by, file_name, csv, sessions) VALUES ($1, $2, $3, $4::jsonb) RETURNING id',
    [actor, fileName, csv, json(sessions)],
  );
  return Number(row!.id);
}

export async function getSessionImport(db: Queryable, id: number): Promise<{ id: number; fileName: string; sessions: CatalogueRecord[]; appliedAt: Date | null } | undefined> {
  const [row] = await db.query<{ id: number; file_name: string; sessions: CatalogueRecord[]; applied_at: Date | null }>(
    'SELECT id, file_name, sessions, applied_at FROM session_imports WHERE id = $1',
    [id],
  );
  return row ? { id: Number(row.id), fileName: row.file_name, sessions: row.sessions, appliedAt: row.applied_at } : undefined;
}

export async function markSessionImportApplied(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE session_imports SET applied_at = now() WHERE id = $1', [id]);
}
