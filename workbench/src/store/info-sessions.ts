/** Info sessions arrive as a whole booking sheet: applying one replaces the catalogue's sessions. */
import type { Db } from '../db/db';
import { audit } from './audit';
import { json } from './json';
import type { CatalogueRecord } from './records';

export async function replaceInfoSessions(db: Db, infoSessions: CatalogueRecord[], actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await tx.query<{ id: string; data: CatalogueRecord }>("SELECT id, data FROM records WHERE kind = 'infoSession' AND ended_at IS NULL");
    const incoming = new Map(infoSessions.map((session) => [session.id, session]));
    for (const row of current) {
      if (incoming.has(row.id)) continue;
      await tx.query("UPDATE records SET ended_at = now(), ended_by = $2 WHERE kind = 'infoSession' AND id = $1", [row.id, actor]);
      await audit(tx, { actor, action: 'end', kind: 'infoSession', recordId: row.id, before: row.data, after: { ...row.data, ended: true } });
    }
    let position = 0;
    for (const session of infoSessions) {
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
