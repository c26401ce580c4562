import type { Catalogue } from './schema';

/**
 * Which catalogue is in use: the one rule, asked by the popup, the background sync, the
 * sessions badge, the options page and the reports (through the header the popup chose).
 * Pure: no storage, no browser; utils/catalogue/open.ts is the browser side.
 */

/** The one catalogue header type: what a packed index carries about its catalogue. */
export type CatalogueHeader = Pick<Catalogue, 'region' | 'revision' | 'publishedAt' | 'maintainer'>;

/** What the sync knows about an accepted feed besides its content. */
export interface FeedMeta {
  /** When this build accepted the feed. */
  acceptedAt: string;
  /** The ETag of the accepted bytes, for the next conditional GET. */
  etag: string | null;
  /**
   * The trusted public key (SPKI base64, as configured) that verified it: when that key is no
   * longer trusted, the feed is dropped (issue 12, item 3). null = stored by a version that did
   * not record it; such a feed is fetched again in full and re-verified at the next attempt.
   */
  signerKey: string | null;
}

/**
 * The synced feed catalogue as stored: a pointer to its packed index and record shards
 * (utils/storage.ts `packedFeedKeys`), written after every part of it is stored.
 */
export interface PackedFeedPointer extends FeedMeta {
  /** Names this revision's keys; a new revision gets a new id. */
  id: string;
  header: CatalogueHeader;
  shardCount: number;
  /** Parts of the stored catalogue text a delta applies to (feed-store.ts); absent or 0: none (a delta cannot apply). */
  sourceParts?: number;
  /**
   * Where the parts are: IndexedDB (issue 22). Absent: storage.local, as versions before it
   * stored them; the background moves such a feed into IndexedDB once (utils/sync/move-local-feed.ts).
   */
  store?: 'indexeddb';
}

/** What the administrator and the trusted keys say about a stored feed (the sync's settings in force). */
export interface FeedRules {
  trustedPublicKeys: readonly string[];
  /** Administrator policy: the lowest revision taken or kept. */
  minimumRevision?: number;
  /** Administrator policy: drop any feed catalogue and fetch none. */
  useBundledCatalogue?: boolean;
}

export type CatalogueInUse =
  | { source: 'bundled'; header: CatalogueHeader; acceptedAt: null; feed: null }
  | { source: 'feed'; header: CatalogueHeader; acceptedAt: string; feed: PackedFeedPointer };

/**
 * The stored feed catalogue when it is of the same region and newer than the bundled one;
 * otherwise the bundled one (e.g. an extension update shipped a newer catalogue than the
 * last feed).
 */
export function chooseCatalogue(bundled: CatalogueHeader, feed: PackedFeedPointer | null): CatalogueInUse {
  if (feed && feed.header.region === bundled.region && feed.header.revision > bundled.revision) {
    return { source: 'feed', header: feed.header, acceptedAt: feed.acceptedAt, feed };
  }
  return { source: 'bundled', header: bundled, acceptedAt: null, feed: null };
}

/**
 * Why the stored feed may no longer be used, if it may not: its signing key is no longer
 * trusted (removed from the policy, the options page or the build), it is below the
 * administrator's minimum revision, or the administrator asks for the bundled catalogue.
 * A feed stored before keys were recorded (`signerKey` null) stays until it is fetched again.
 * The background sync drops such a feed (utils/sync/sync-once.ts).
 */
export function storedFeedProblem(feed: PackedFeedPointer, rules: FeedRules): string | null {
  if (rules.useBundledCatalogue) return 'policy: use the bundled catalogue';
  // With no keys at all the feed is simply not configured (or the policy could not be read):
  // nothing is dropped on that alone.
  const keys = rules.trustedPublicKeys;
  if (feed.signerKey !== null && keys.length > 0 && !keys.includes(feed.signerKey)) return 'its signing key is no longer trusted';
  if (feed.header.revision < (rules.minimumRevision ?? 0)) return `revision ${feed.header.revision} < ${rules.minimumRevision} (policy)`;
  return null;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Checks a catalogue header read from storage or a file (plain checks: zod stays off the popup's startup path). */
export function readCatalogueHeader(value: unknown): CatalogueHeader | null {
  if (typeof value !== 'object' || value === null) return null;
  const { region, revision, publishedAt, maintainer } = value as Record<string, unknown>;
  if (!isString(region) || !isCount(revision) || !isString(publishedAt)) return null;
  if (typeof maintainer !== 'object' || maintainer === null) return null;
  // As maintainerSchema (schemaVersion 2): a name, and optionally an e-mail and a report URL.
  const { name, email, reportUrl } = maintainer as Record<string, unknown>;
  if (!isString(name) || (email !== undefined && !isString(email)) || (reportUrl !== undefined && !isString(reportUrl))) return null;
  return { region, revision, publishedAt, maintainer: { name, ...(email ? { email } : {}), ...(reportUrl ? { reportUrl } : {}) } };
}

/** Reads a stored feed pointer; anything malformed is "no feed" (the bundled catalogue is used). */
export function readFeedPointer(value: unknown): PackedFeedPointer | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, header, shardCount, acceptedAt, etag, signerKey = null, sourceParts = 0, store } = value as Record<string, unknown>;
  const checked = readCatalogueHeader(header);
  if (!isString(id) || !/^[a-z0-9-]+$/.test(id) || !checked || !isCount(shardCount) || !isString(acceptedAt)) return null;
  if (etag !== null && !isString(etag)) return null;
  if (signerKey !== null && !isString(signerKey)) return null;
  if (store !== undefined && store !== 'indexeddb') return null;
  const pointer: PackedFeedPointer = { id, header: checked, shardCount, acceptedAt, etag, signerKey };
  if (isCount(sourceParts) && sourceParts > 0) pointer.sourceParts = sourceParts;
  if (store) pointer.store = store;
  return pointer;
}
