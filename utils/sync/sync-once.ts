import { isAllowedEndpointUrl, PLAIN_HTTP_MESSAGE } from '../net/endpoint-url';
import { acceptFeed, type CurrentCatalogue } from './accept-feed';
import { fetchLimited, type FetchLike, type FetchResult } from './fetch-limited';
import type { SyncFailure } from './reasons';
import { MAX_SIGNATURE_FILE_BYTES } from './signature';
import { INITIAL_SYNC_STATE, type StoredFeed, type SyncState, type SyncTrigger } from './state';

export interface SyncSource {
  feedUrl: string | null;
  trustedPublicKeys: readonly string[];
  /** Administrator policy: the lowest revision taken or kept. */
  minimumRevision?: number;
  /** Administrator policy: drop any feed catalogue and fetch none. */
  useBundledCatalogue?: boolean;
}

/** Where the accepted catalogue and the state live (browser storage, or memory in tests). */
export interface SyncStore {
  readFeed(): Promise<StoredFeed | null>;
  /** Must replace the stored catalogue in one write: readers see the old one or the new one. null drops it. */
  writeFeed(feed: StoredFeed | null): Promise<void>;
  readState(): Promise<SyncState>;
  writeState(state: SyncState): Promise<void>;
}

export interface SyncDependencies {
  fetch: FetchLike;
  now: () => number;
  store: SyncStore;
  /** The catalogue shipped in the extension: the floor no feed may go below. */
  bundled: CurrentCatalogue;
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

/** The catalogue in use now: the stored feed when it is newer than the bundled one. */
export function currentCatalogue(bundled: CurrentCatalogue, feed: StoredFeed | null): CurrentCatalogue & { fromFeed: boolean } {
  if (feed && feed.catalogue.region === bundled.region && feed.catalogue.revision > bundled.revision) {
    return { region: feed.catalogue.region, revision: feed.catalogue.revision, fromFeed: true };
  }
  return { ...bundled, fromFeed: false };
}

/**
 * Why the stored feed catalogue may no longer be used, if it may not: its signing key is no
 * longer trusted (removed from the policy, the options page or the build), it is below the
 * administrator's minimum revision, or the administrator asks for the bundled catalogue.
 * A feed stored before keys were recorded (`signerKey` null) stays until it is fetched again.
 */
export function storedFeedProblem(feed: StoredFeed, source: SyncSource): string | null {
  if (source.useBundledCatalogue) return 'policy: use the bundled catalogue';
  // With no keys at all the feed is simply not configured (or the policy could not be read):
  // nothing is dropped on that alone.
  const keys = source.trustedPublicKeys;
  if (feed.signerKey !== null && keys.length > 0 && !keys.includes(feed.signerKey)) return 'its signing key is no longer trusted';
  if (feed.catalogue.revision < (source.minimumRevision ?? 0)) return `revision ${feed.catalogue.revision} < ${source.minimumRevision} (policy)`;
  return null;
}

/**
 * One sync attempt: conditional GET, signature, validation, acceptance, atomic swap. Never
 * throws and never removes the catalogue in use; the returned (and stored) state says what
 * happened and why.
 */
export async function syncOnce(deps: SyncDependencies, source: SyncSource, trigger: SyncTrigger): Promise<SyncState> {
  const started = Date.now();
  try {
    return await attemptSync(deps, source, trigger);
  } catch (error) {
    // Last resort (a store or clock that throws where nothing else caught it): still a state.
    return {
      ...INITIAL_SYNC_STATE,
      lastAttemptAt: new Date(started).toISOString(),
      outcome: 'failed',
      reason: 'storageFailed',
      detail: `unexpected: ${String((error as Error)?.message ?? error)}`.slice(0, 300),
      trigger,
    };
  }
}

const message = (error: unknown) => String((error as Error)?.message ?? error);

async function attemptSync(deps: SyncDependencies, source: SyncSource, trigger: SyncTrigger): Promise<SyncState> {
  const started = deps.now();
  // An unreadable state only loses the time of the last success; an unreadable feed stops the
  // attempt (what is stored may be newer than what the server has: never write over it blind).
  const previous = await deps.store.readState().catch(() => ({ ...INITIAL_SYNC_STATE }));
  let feedUnreadable: string | null = null;
  let feed = await deps.store.readFeed().catch((error: unknown) => {
    feedUnreadable = message(error);
    return null;
  });
  let dropped: string | null = null;
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
    try {
      await deps.store.writeState(state);
    } catch {
      // Not stored (storage full or gone): the caller still gets the state, and the catalogue
      // in use is untouched.
    }
    return state;
  };
  const fail = (reason: SyncFailure, detail: string) => finish({ outcome: 'failed', reason, detail: dropped ? `${detail}; ${dropped}` : detail });
  const fetchFailure = (result: Extract<FetchResult, { kind: 'failed' }>) => fail(result.reason, result.detail);

  if (feedUnreadable !== null) return fail('storageFailed', `could not read the stored feed: ${feedUnreadable}`);
  const problem = feed ? storedFeedProblem(feed, source) : null;
  if (problem) {
    try {
      await deps.store.writeFeed(null);
    } catch (error) {
      return fail('storageFailed', `could not drop the stored feed (${problem}): ${String((error as Error)?.message ?? error)}`);
    }
    feed = null;
    dropped = `stored feed dropped: ${problem}`;
  }
  if (source.useBundledCatalogue) return fail('bundledByPolicy', 'policy: use the bundled catalogue');
  const current = currentCatalogue(deps.bundled, feed);

  if (!source.feedUrl || source.trustedPublicKeys.length === 0) {
    return fail('notConfigured', source.feedUrl ? 'no trusted keys' : 'no feed URL');
  }
  // Policy and options are checked when read; the build default and any other caller here.
  if (!isAllowedEndpointUrl(source.feedUrl)) return fail('notConfigured', `${source.feedUrl}: ${PLAIN_HTTP_MESSAGE}`);
  const limits = { timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes, contentTypes: FEED_CONTENT_TYPES };
  const etag = current.fromFeed ? feed?.etag : null;
  const document = await fetchLimited(deps.fetch, source.feedUrl, limits, etag);
  bytes += document.bytes;
  if (document.kind === 'notModified') return finish({ outcome: 'notModified', reason: null, detail: null });
  if (document.kind === 'notFound') return fail('httpError', 'HTTP 404');
  if (document.kind === 'failed') return fetchFailure(document);

  const signature = await fetchLimited(deps.fetch, signatureUrl(source.feedUrl), {
    timeoutMs: Math.max(1, deps.timeoutMs - (deps.now() - started)),
    maxBytes: MAX_SIGNATURE_FILE_BYTES,
  });
  bytes += signature.bytes;
  if (signature.kind === 'failed') return fetchFailure(signature);
  const signatureText = signature.kind === 'body' ? new TextDecoder().decode(signature.body) : null;

  const verdict = await acceptFeed(document.body, signatureText, source.trustedPublicKeys, current, { minimumRevision: source.minimumRevision ?? 0 });
  const withDropped = (detail: string) => (dropped ? `${detail}; ${dropped}` : detail);
  if (verdict.kind === 'rejected') return fail(verdict.reason, verdict.detail);
  if (verdict.kind === 'sameRevision') {
    // The feed in use, verified again: record its key (and ETag) if it was stored without them.
    if (feed && current.fromFeed && (feed.signerKey !== verdict.signerKey || feed.etag !== document.etag)) {
      try {
        await deps.store.writeFeed({ ...feed, etag: document.etag, signerKey: verdict.signerKey });
      } catch (error) {
        return fail('storageFailed', String((error as Error)?.message ?? error));
      }
    }
    return finish({ outcome: 'sameRevision', reason: null, detail: `revision ${current.revision}` });
  }
  try {
    await deps.store.writeFeed({
      catalogue: verdict.catalogue,
      acceptedAt: new Date(deps.now()).toISOString(),
      etag: document.etag,
      signerKey: verdict.signerKey,
    });
  } catch (error) {
    return fail('storageFailed', String((error as Error)?.message ?? error));
  }
  return finish({ outcome: 'updated', reason: null, detail: withDropped(`revision ${verdict.catalogue.revision}`) });
}
