/** The people who may sign in: an e-mail and an Argon2id hash of their password. */
import type { Db, Queryable } from '../db/db';
import { audit } from './audit';

export interface Maintainer {
  id: number;
  email: string;
  passwordHash: string;
}

/**
 * Adds a maintainer, or sets a new password (and enables again) one who exists. A new password
 * ends every sign-in made with the old one (audit L5): whoever learnt it is signed out too.
 */
export async function addMaintainer(db: Queryable, email: string, passwordHash: string): Promise<void> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO maintainers (email, password_hash) VALUES ($1, $2)
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, disabled_at = NULL
     RETURNING id`,
    [email.toLowerCase(), passwordHash],
  );
  await db.query('UPDATE sign_ins SET ended_at = now() WHERE maintainer_id = $1 AND ended_at IS NULL', [row!.id]);
  await audit(db, { actor: 'command line', action: 'set-password', kind: 'maintainer', recordId: email.toLowerCase() });
}

/**
 * Disables a maintainer (a person who left, a lost laptop): they cannot sign in again, and every
 * sign-in of theirs ends now. Returns how many sign-ins ended, or undefined when there is no such
 * maintainer. `add-maintainer` with a new password enables them again.
 */
export async function disableMaintainer(db: Db, email: string): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>('UPDATE maintainers SET disabled_at = coalesce(disabled_at, now()) WHERE email = $1 RETURNING id', [email.toLowerCase()]);
    if (!row) return undefined;
    const ended = await tx.query('UPDATE sign_ins SET ended_at = now() WHERE maintainer_id = $1 AND ended_at IS NULL RETURNING token_hash', [row.id]);
    await audit(tx, { actor: 'command line', action: 'disable', kind: 'maintainer', recordId: email.toLowerCase(), after: { signInsEnded: ended.length } });
    return ended.length;
  });
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
