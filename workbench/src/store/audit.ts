/** Who changed what, when: every change is written here in the same transaction as the change. */
import type { Queryable } from '../db/db';
import { json } from './json';

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
