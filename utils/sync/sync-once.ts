import { chooseCatalogue, type CatalogueHeader, type PackedFeedPointer } from '../catalogue/in-use';
import type { Catalogue } from '../catalogue/schema';
import type { PackedCatalogue } from '../search/compact/format';
import { acceptFeed } from './accept-feed';
import { fetchLimited, type FetchLike, type FetchResult } from './fetch-limited';
import type { SyncFailure } from './reasons';
import { MAX_SIGNATURE_FILE_BYTES } from './signature';
import type { SyncState, SyncTrigger } from './state';

export interface SyncSource {
  feedUrl: string | null;
  trustedPublicKeys: readonly string[];
}

/** Where the accepted catalogue (packed) and the state live (browser storage, or memory in tests). */
export interface SyncStore {
  readFeed(): Promise<PackedFeedPointer | null>;
  /**
   * Stores the packed revision and switches to it: readers see the old one or the new one,
   * whole; a failed write keeps the old one (utils/catalogue/feed-store.ts).
   */
  writeFeed(packed: PackedCatalogue, meta: { acceptedAt: string; etag: string | null }): Promise<unknown>;
  readState(): Promise<SyncState>;
  writeState(state: SyncState): Promise<void>;
}

export interface SyncDependencies {
  fetch: FetchLike;
  now: () => number;
  store: SyncStore;
  /** The catalogue shipped in the extension: the floor no feed may go below. */
  bundled: CatalogueHeader;
  /** packCatalogue with the bundled synonyms: the same packing as the build's. */
  pack: (catalogue: Catalogue) => PackedCatalogue;
  timeoutMs: number;
  maxBytes: number;
}

/** The feed is JSON; some static servers label .json files as text/plain, which we refuse. */
export const FEED_CONTENT_TYPES = ['application/json'] as const;
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * 64 MB. Measured (npm run measure:sync): 5,000 services make a 7.3 MB feed, so this leaves
 * room for the 30,000 services of the performance target (≈ 44 MB) and no more.
 */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export function signatureUrl(feedUrl: string): string {
  return `${feedUrl}.sig`;
}

/**
 * One sync attempt: conditional GET, signature, validation, acceptance, atomic swap. Never
 * throws and never removes the catalogue in use; the returned (and stored) state says what
 * happened and why.
 */
export async function syncOnce(deps: SyncDependencies, source: SyncSource, trigger: SyncTrigger): Promise<SyncState> {
  const started = deps.now();
  const previous = await deps.store.readState();
  const feed = await deps.store.readFeed();
  const current = chooseCatalogue(deps.bundled, feed);
  let bytes = 0;

  const finish = async (change: Pick<SyncState, 'outcome' | 'reason' | 'detail'>): Promise<SyncState> => {
    const end = deps.now();
    const success = change.outcome !== 'failed';
    const state: SyncState = {
      ...change,
      lastAttemptAt: new Date(started).toISOString(),
      lastSuccessAt: success ? new Date(end).toISOString() : previous.lastSuccessAt,
      trigger,
      bytes,
      ms: end - started,
    };
    await deps.store.writeState(state);
    return state;
  };
  const fail = (reason: SyncFailure, detail: string) => finish({ outcome: 'failed', reason, detail });
  const fetchFailure = (result: Extract<FetchResult, { kind: 'failed' }>) => fail(result.reason, result.detail);

  if (!source.feedUrl || source.trustedPublicKeys.length === 0) {
    return fail('notConfigured', source.feedUrl ? 'no trusted keys' : 'no feed URL');
  }
  const limits = { timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes, contentTypes: FEED_CONTENT_TYPES };
  const etag = current.feed?.etag ?? null;
  const fetched = await fetchLimited(deps.fetch, source.feedUrl, limits, etag);
  bytes += fetched.bytes;
  if (fetched.kind === 'notModified') return finish({ outcome: 'notModified', reason: null, detail: null });
  if (fetched.kind === 'notFound') return fail('httpError', 'HTTP 404');
  if (fetched.kind === 'failed') return fetchFailure(fetched);

  const signature = await fetchLimited(deps.fetch, signatureUrl(source.feedUrl), {
    timeoutMs: Math.max(1, deps.timeoutMs - (deps.now() - started)),
    maxBytes: MAX_SIGNATURE_FILE_BYTES,
  });
  bytes += signature.bytes;
  if (signature.kind === 'failed') return fetchFailure(signature);
  const signatureText = signature.kind === 'body' ? new TextDecoder().decode(signature.body) : null;

  const verdict = await acceptFeed(fetched.body, signatureText, source.trustedPublicKeys, current.header);
  if (verdict.kind === 'rejected') return fail(verdict.reason, verdict.detail);
  if (verdict.kind === 'sameRevision') return finish({ outcome: 'sameRevision', reason: null, detail: `revision ${current.header.revision}` });
  try {
    // Packed here, once, in the background: the popup opens the stored packed form as it opens the bundled one.
    const packed = deps.pack(verdict.catalogue);
    await deps.store.writeFeed(packed, { acceptedAt: new Date(deps.now()).toISOString(), etag: fetched.etag });
  } catch (error) {
    return fail('storageFailed', String((error as Error)?.message ?? error));
  }
  return finish({ outcome: 'updated', reason: null, detail: `revision ${verdict.catalogue.revision}` });
}
