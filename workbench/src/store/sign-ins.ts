/** A maintainer's signed-in browser: only a SHA-256 of the cookie's token is stored, with its CSRF token. */
import type { Queryable } from '../db/db';

/** Who is signed in on a request, and the token every form they send must carry. */
export interface SignedIn {
  email: string;
  csrfToken: string;
}

export async function createSignIn(db: Queryable, tokenHash: string, maintainerId: number, csrfToken: string, ttlHours: number): Promise<void> {
  await db.query(
    `INSERT INTO sign_ins (token_hash, maintainer_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4::int))`,
    [tokenHash, maintainerId, csrfToken, ttlHours],
  );
}

export async function findSignIn(db: Queryable, tokenHash: string): Promise<SignedIn | undefined> {
  const [row] = await db.query<{ email: string; csrf_token: string }>(
    `SELECT m.email, s.csrf_token FROM sign_ins s JOIN maintainers m ON m.id = s.maintainer_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND m.disabled_at IS NULL`,
    [tokenHash],
  );
  return row ? { email: row.email, csrfToken: row.csrf_token } : undefined;
}

export async function endSignIn(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('UPDATE sign_ins SET ended_at = now() WHERE token_hash = $1', [tokenHash]);
}
