/** Stale-contact reports from the extension: stored once per Idempotency-Key, closed by a maintainer. */
import type { StaleContactReport as Report } from '@jarjestoopas/utils/reports/schema';
import type { Db, Queryable } from '../db/db';
import { audit } from './audit';
import { json } from './json';

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
