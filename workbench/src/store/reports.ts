/** Stale-contact reports from the extension: stored once per Idempotency-Key, closed by a maintainer. */
import type { StaleContactReport as Report } from '@jarjestoopas/utils/reports/schema';
import type { Db, Queryable } from '../db/db';
import { audit } from './audit';
import { json } from './json';

/**
 * Stores a report once, with the hash of its status token. The unique Idempotency-Key decides,
 * in SQL: a repeat (even two at the same instant) inserts nothing and finds the first row.
 * A repeat of exactly the same report is a resend after a lost reply, so the extension never got
 * the token: the new token's hash replaces the old one (`tokenIssued`). A repeat with another
 * body gets no token: knowing a report's id must not be enough to read its answer.
 */
export async function insertReport(
  db: Queryable,
  report: Report,
  idempotencyKey: string,
  statusTokenHash: string,
): Promise<{ created: boolean; id: string; tokenIssued: boolean }> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO reports (id, idempotency_key, service_id, body, status_token_hash) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT DO NOTHING RETURNING id`,
    [report.id, idempotencyKey, report.serviceId, json(report), statusTokenHash],
  );
  if (inserted.length > 0) return { created: true, id: inserted[0]!.id, tokenIssued: true };
  const resent = await db.query<{ id: string }>(
    `UPDATE reports SET status_token_hash = $3 WHERE idempotency_key = $1 AND id = $2::uuid AND body = $4::jsonb RETURNING id::text AS id`,
    [idempotencyKey, report.id, statusTokenHash, json(report)],
  );
  if (resent.length > 0) return { created: false, id: resent[0]!.id, tokenIssued: true };
  const [existing] = await db.query<{ id: string }>('SELECT id FROM reports WHERE idempotency_key = $1 OR id = $2', [idempotencyKey, report.id]);
  return { created: false, id: existing?.id ?? report.id, tokenIssued: false };
}

/** What the status route needs of one report: its state, the reply, and the token hash to check. */
export interface ReportAnswerRow {
  id: string;
  status: ReportStatus;
  reply: string | null;
  closedAt: Date | null;
  statusTokenHash: string | null;
}

export async function getReportAnswer(db: Queryable, id: string): Promise<ReportAnswerRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db.query<{ id: string; status: ReportStatus; reply: string | null; closed_at: Date | null; status_token_hash: string | null }>(
    'SELECT id::text AS id, status, reply, closed_at, status_token_hash FROM reports WHERE id = $1::uuid',
    [id],
  );
  return row ? { id: row.id, status: row.status, reply: row.reply, closedAt: row.closed_at, statusTokenHash: row.status_token_hash } : undefined;
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

/** Which reports the inbox shows: a state (open by default) and perhaps one service. */
export interface ReportFilter {
  state: ReportStatus | 'all';
  serviceId?: string;
}

export const INBOX_PAGE_SIZE = 50;
const FILTER_SQL = "($1 = 'all' OR status = $1) AND ($2::text IS NULL OR service_id = $2)";

/**
 * One page of reports, newest first, and how many match in all: the public intake can send
 * thousands (audit L3), and the inbox must stay one quick page.
 */
export async function pageReports(db: Queryable, filter: ReportFilter, page: number, size = INBOX_PAGE_SIZE): Promise<{ reports: StoredReport[]; total: number }> {
  const params = [filter.state, filter.serviceId ?? null];
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE ${FILTER_SQL}`, params);
  const rows = await db.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM reports WHERE ${FILTER_SQL} ORDER BY received_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [...params, size, (page - 1) * size],
  );
  return { reports: rows.map(toReport), total: Number(count?.n ?? 0) };
}

/**
 * Closes many open reports at once, chosen by id or every open one matching a filter, in one
 * statement with one audit row each. Returns how many were closed.
 */
export async function closeReports(
  db: Db,
  target: { ids: string[] } | { filter: ReportFilter },
  status: Exclude<ReportStatus, 'open'>,
  reply: string,
  actor: string,
): Promise<number> {
  const byIds = 'ids' in target;
  const ids = byIds ? target.ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) : [];
  if (byIds && ids.length === 0) return 0;
  const filter = byIds ? { state: 'all' as const } : target.filter;
  // Only open reports close; a filter on another state matches none.
  if (filter.state !== 'all' && filter.state !== 'open') return 0;
  const [row] = await db.query<{ n: number }>(
    `WITH closed AS (
       UPDATE reports SET status = $3, reply = $4, closed_at = now(), closed_by = $5
       WHERE status = 'open' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) AND ($2::text IS NULL OR service_id = $2)
       RETURNING id
     ), audited AS (
       INSERT INTO audit_log (actor, action, kind, record_id, before, after)
       SELECT $5, 'close-' || $3, 'report', id::text, '{"status":"open"}'::jsonb, jsonb_build_object('status', $3::text, 'reply', $4::text) FROM closed
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM audited`,
    [byIds ? ids : null, filter.serviceId ?? null, status, reply, actor],
  );
  return Number(row?.n ?? 0);
}
