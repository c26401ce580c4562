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

export async function listFeeds(db: Queryable): Promise<Array<Omit<FeedRevision, 'catalogue' | 'signature'>>> {
  const rows = await db.query<FeedRow>('SELECT revision, published_at, published_by, etag, republished_from FROM feed_revisions ORDER BY revision DESC');
  return rows.map((row) => {
    const { catalogue: _c, signature: _s, ...rest } = toFeed({ ...row, catalogue: '', signature: '' });
    return rest;
  });
}

/** The newest revision's number, time and ETag without its catalogue text: a cheap "has anything changed?". */
export async function latestFeedTag(db: Queryable): Promise<Pick<FeedRevision, 'revision' | 'publishedAt' | 'etag'> | undefined> {
  const [row] = await db.query<Pick<FeedRow, 'revision' | 'published_at' | 'etag'>>('SELECT revision, published_at, etag FROM feed_revisions ORDER BY revision DESC LIMIT 1');
  return row ? { revision: Number(row.revision), publishedAt: row.published_at, etag: row.etag } : undefined;
}

/** One revision by number (the HSDS API loads the one latestFeedTag named, never a newer one half-seen). */
export async function feedRevision(db: Queryable, revision: number): Promise<FeedRevision | undefined> {
  const [row] = await db.query<FeedRow>('SELECT * FROM feed_revisions WHERE revision = $1', [revision]);
  return row ? toFeed(row) : undefined;
}
