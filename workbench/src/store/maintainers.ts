/** The people who may sign in: an e-mail and an Argon2id hash of their password. */
import type { Queryable } from '../db/db';
import { audit } from './audit';

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
