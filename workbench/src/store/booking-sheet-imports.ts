/** Uploaded booking sheets kept for preview until a maintainer applies them. */
import type { Queryable } from '../db/db';
import { json } from './json';
import type { CatalogueRecord } from './records';

export interface BookingSheetImport {
  id: number;
  fileName: string;
  infoSessions: CatalogueRecord[];
  appliedAt: Date | null;
}

export async function saveBookingSheetImport(db: Queryable, actor: string, fileName: string, csv: string, infoSessions: unknown[]): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'INSERT INTO booking_sheet_imports (uploaded_by, file_name, csv, info_sessions) VALUES ($1, $2, $3, $4::jsonb) RETURNING id',
    [actor, fileName, csv, json(infoSessions)],
  );
  return Number(row!.id);
}

export async function getBookingSheetImport(db: Queryable, id: number): Promise<BookingSheetImport | undefined> {
  const [row] = await db.query<{ id: number; file_name: string; info_sessions: CatalogueRecord[]; applied_at: Date | null }>(
    'SELECT id, file_name, info_sessions, applied_at FROM booking_sheet_imports WHERE id = $1',
    [id],
  );
  return row ? { id: Number(row.id), fileName: row.file_name, infoSessions: row.info_sessions, appliedAt: row.applied_at } : undefined;
}

export async function markBookingSheetImportApplied(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE booking_sheet_imports SET applied_at = now() WHERE id = $1', [id]);
}

