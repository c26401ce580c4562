/** Published revisions, kept for ever byte for byte: what the feed serves and a rollback republishes. */
import type { Queryable } from '../db/db';

export interface FeedRevision {
  revision: number;
  publishedAt: Date;
  publishedBy: string;
  catalogue: string;
  signature: string;
  etag: string;
  republishedFrom: number | null;
}

type FeedRow = { revision: number; published_at: Date; published_by: string; catalogue: string; signature: string; etag: string; republished_from: number | null };
const toFeed = (row: FeedRow): FeedRevision => ({
  revision: Number(row.revision),
  publishedAt: row.published_at,
  publishedBy: row.published_by,
  catalogue: row.catalogue,
  signature: row.signature,
  etag: row.etag,
  republishedFrom: row.republished_from === null ? null : Number(row.republished_from),
});

export async function latestFeed(db: Queryable): Promise<FeedRevision | undefined> {
  const [row] = await db.query<FeedRow>('SELECT * FROM feed_revisions ORDER BY revision DESC LIMIT 1');
  return row ? toFeed(row) : undefined;
}

/** One revision's signed bytes as text. */
export async function feedCatalogue(db: Queryable, revision: number): Promise<string> {
  const [row] = await db.query<{ text: string }>('SELECT catalogue AS text FROM feed_revisions WHERE revision = $1', [revision]);
  return row!.text;
}

/** One revision's detached signature. */
export async function feedSignature(db: Queryable, revision: number): Promise<string> {
  const [row] = await db.query<{ signature: string }>('SELECT signature FROM feed_revisions WHERE revision = $1', [revision]);
  return row!.signature;
}

export async function listFeeds(db: Queryable): Promise<Array<Omit<FeedRevision, 'catalogue' | 'signature'>>> {
  const rows = await db.query<FeedRow>('SELECT revision, published_at, published_by, etag, republished_from FROM feed_revisions ORDER BY revision DESC');
  return rows.map((row) => {
    const { catalogue: _c, signature: _s, ...rest } = toFeed({ ...row, catalogue: '', signature: '' });
    return rest;
  });
}

/** Whether the latest feed names an e-mail as verifiedBy (published before the M3 fix), asked in SQL. */
export async function feedNamesAPerson(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ named: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM (SELECT catalogue::jsonb AS c FROM feed_revisions ORDER BY revision DESC LIMIT 1) AS latest,
       LATERAL jsonb_array_elements(coalesce(c->'services', '[]') || coalesce(c->'organisations', '[]')) AS r(record)
       WHERE record->>'verifiedBy' LIKE '%@%'
     ) AS named`,
  );
  return Boolean(row?.named);
}

/** The newest revision's number, time and ETag without its catalogue text: what the feed and the HSDS API ask on every request. */
export async function latestFeedTag(db: Queryable): Promise<Pick<FeedRevision, 'revision' | 'publishedAt' | 'etag'> | undefined> {
  const [row] = await db.query<Pick<FeedRow, 'revision' | 'published_at' | 'etag'>>('SELECT revision, published_at, etag FROM feed_revisions ORDER BY revision DESC LIMIT 1');
  return row ? { revision: Number(row.revision), publishedAt: row.published_at, etag: row.etag } : undefined;
}

/** One revision by number (the HSDS API loads the one latestFeedTag named, never a newer one half-seen). */
export async function feedRevision(db: Queryable, revision: number): Promise<FeedRevision | undefined> {
  const [row] = await db.query<FeedRow>('SELECT * FROM feed_revisions WHERE revision = $1', [revision]);
  return row ? toFeed(row) : undefined;
}
