/**
 * Publishing: the live records → a catalogue validated by the shared schema → revision + 1 →
 * signed with the same code the CLI and the extension use (utils/sync/signature.ts) → kept
 * for ever in feed_revisions, byte for byte. A rollback republishes an old revision's content
 * under a new, higher revision, so browsers never see a downgrade.
 */
import { createHash } from 'node:crypto';
import { formatIssues } from '@jarjestoopas/utils/catalogue/load';
import { signBytes, verifyDetached, type SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import { checkCatalogue, withOrganisationAsVerifier } from './catalogue-check';
import { publishDeltas } from './publish-deltas';
import type { Db, Queryable } from './db/db';
import { audit } from './store/audit';
import { assembleCatalogue } from './store/catalogue';
import { feedVocabulary } from './store/missing-services';

export class PublishError extends Error {
  constructor(readonly problems: string[]) {
    super(`the catalogue is not valid:\n${problems.join('\n')}`);
  }
}

export interface PublishOptions {
  key: SigningKeyPair;
  actor: string;
  /** Where the extension sends stale-contact reports: written into the catalogue's maintainer. */
  reportUrl?: string;
  /** Who an old revision's e-mail verifiedBy becomes on republish (default: its maintainer's name). */
  verifiedBy?: string;
  now?: Date;
}

const isoSecond = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');

/** The content to sign: read under the lock, then given its revision number. */
type Content = (tx: Queryable) => Promise<{ revisionInData: number; withRevision: (revision: number) => Record<string, unknown> }>;

async function store(db: Db, content: Content, options: PublishOptions, republishedFrom: number | null) {
  const t0 = performance.now();
  return db.transaction(async (tx) => {
    // One publisher at a time: the revision number is taken under a lock, and the content is read
    // after it (audit L4). Read before, a publish that waited here could sign older content under
    // a newer revision than the one that went first.
    await tx.query('LOCK TABLE feed_revisions IN EXCLUSIVE MODE');
    const [row] = await tx.query<{ n: number }>('SELECT coalesce(max(revision), 0)::int AS n FROM feed_revisions');
    const { revisionInData, withRevision } = await content(tx);
    const revision = Math.max(Number(row?.n ?? 0), revisionInData) + 1;
    const data = withRevision(revision);
    const parsed = checkCatalogue(data);
    if (!parsed.success) throw new PublishError(formatIssues(parsed.data, parsed.issues));
    const text = JSON.stringify(parsed.catalogue);
    const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
    const signature = JSON.stringify(await signBytes(bytes, options.key));
    if ((await verifyDetached(bytes, signature, [options.key.publicKey])) !== 'valid') {
      throw new PublishError(['the signing key pair does not belong together']);
    }
    const etag = `"r${revision}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
    await tx.query(
      'INSERT INTO feed_revisions (revision, published_by, catalogue, signature, etag, republished_from) VALUES ($1, $2, $3, $4, $5, $6)',
      [revision, options.actor, text, signature, etag, republishedFrom],
    );
    const deltas = await publishDeltas(tx, revision, text, options.key);
    await audit(tx, {
      actor: options.actor,
      action: republishedFrom === null ? 'publish' : 'republish',
      kind: 'feed',
      recordId: String(revision),
      after: { revision, services: parsed.catalogue.services.length, republishedFrom, vocabularyAdditions: (parsed.catalogue.vocabulary?.terms.length ?? 0) + (parsed.catalogue.vocabulary?.serviceKeywords.length ?? 0) },
    });
    return { revision, services: parsed.catalogue.services.length, bytes: bytes.length, deltas: deltas.deltas.length, ms: performance.now() - t0 };
  });
}

/** Validates, raises the revision by one, signs, stores. Throws PublishError with one line per problem. */
export async function publish(db: Db, options: PublishOptions) {
  const publishedAt = isoSecond(options.now ?? new Date());
  return store(
    db,
    async (tx) => {
      // The maintainers' search vocabulary (issue 20) travels in the signed feed, when there is any;
      // read under the lock like the records (audit L4).
      const vocabulary = await feedVocabulary(tx);
      const catalogue: Record<string, unknown> = { ...(await assembleCatalogue(tx)), ...(vocabulary ? { vocabulary } : {}) };
      const maintainer = { ...(catalogue.maintainer as object), ...(options.reportUrl ? { reportUrl: options.reportUrl } : {}) };
      return { revisionInData: Number(catalogue.revision ?? 0), withRevision: (revision) => ({ ...catalogue, revision, publishedAt, maintainer }) };
    },
    options,
    null,
  );
}

/** Rollback without a downgrade: an old revision's content under a new revision number. */
export async function republish(db: Db, from: number, options: PublishOptions) {
  const [row] = await db.query<{ catalogue: string }>('SELECT catalogue FROM feed_revisions WHERE revision = $1', [from]);
  if (!row) throw new PublishError([`revision ${from} was never published`]);
  const stored = JSON.parse(row.catalogue) as Record<string, unknown> & { maintainer?: { name?: string } };
  // A revision published before the M3 fix may name a maintainer's e-mail: never again in the feed.
  const old = withOrganisationAsVerifier(stored, options.verifiedBy ?? stored.maintainer?.name ?? 'Järjestöoppaan ylläpito');
  const publishedAt = isoSecond(options.now ?? new Date());
  return store(db, async () => ({ revisionInData: 0, withRevision: (revision) => ({ ...old, revision, publishedAt }) }), options, from);
}
