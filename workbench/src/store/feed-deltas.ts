/** Signed deltas between published revisions and the signed index of those into each revision (migration 007). */
import type { Queryable } from '../db/db';

export type SignedText = {
  body: string;
  signature: string;
};

export async function insertFeedDelta(db: Queryable, fromRevision: number, toRevision: number, signed: SignedText): Promise<void> {
  await db.query('INSERT INTO feed_deltas (from_revision, to_revision, body, signature) VALUES ($1, $2, $3, $4)', [fromRevision, toRevision, signed.body, signed.signature]);
}

export async function insertFeedDeltaIndex(db: Queryable, revision: number, signed: SignedText): Promise<void> {
  await db.query('INSERT INTO feed_delta_indexes (revision, body, signature) VALUES ($1, $2, $3)', [revision, signed.body, signed.signature]);
}

/** One delta, or undefined when that pair was never published. */
export async function feedDelta(db: Queryable, fromRevision: number, toRevision: number): Promise<SignedText | undefined> {
  const [row] = await db.query<SignedText>('SELECT body, signature FROM feed_deltas WHERE from_revision = $1 AND to_revision = $2', [fromRevision, toRevision]);
  return row;
}

/** The delta index published with a revision (none for revisions published before migration 007). */
export async function feedDeltaIndex(db: Queryable, revision: number): Promise<SignedText | undefined> {
  const [row] = await db.query<SignedText>('SELECT body, signature FROM feed_delta_indexes WHERE revision = $1', [revision]);
  return row;
}

/** The catalogue text of the published revisions in [from, to), newest first: what the new deltas start from. */
export async function recentFeedCatalogues(db: Queryable, from: number, to: number): Promise<Array<{ revision: number; catalogue: string }>> {
  const rows = await db.query<{ revision: number; catalogue: string }>(
    'SELECT revision, catalogue FROM feed_revisions WHERE revision >= $1 AND revision < $2 ORDER BY revision DESC',
    [from, to],
  );
  return rows.map((row) => ({ revision: Number(row.revision), catalogue: row.catalogue }));
}
