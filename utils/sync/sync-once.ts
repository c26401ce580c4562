import { chooseCatalogue, storedFeedProblem, type CatalogueHeader, type FeedMeta, type FeedRules, type PackedFeedPointer } from '../catalogue/in-use';
import type { Catalogue } from '../catalogue/schema';
import { isAllowedEndpointUrl, PLAIN_HTTP_MESSAGE } from '../net/endpoint-url';
import type { PackedCatalogue } from '../search/compact/format';
import { acceptFeed } from './accept-feed';
import { fetchLimited, type FetchLike, type FetchResult } from './fetch-limited';
import type { SyncFailure } from './reasons';
import { applyDeltaToParts } from './delta-parts';
import { isPartsSource } from './parts-source';
import { tryDelta } from './sync-delta';
import { syncParts, type FeedStaging } from './sync-parts';
import type { ChunkedPacker } from '../search/compact/chunked-pack';
import { MAX_SIGNATURE_FILE_BYTES } from './signature';
import { INITIAL_SYNC_STATE, type SyncState, type SyncTrigger } from './state';

/** The feed and the rules about it (trusted keys, the administrator's minimum revision or bundled catalogue). */
export interface SyncSource extends FeedRules {
  feedUrl: string | null;
}

/** Where the accepted catalogue (packed) and the state live (browser storage, or memory in tests). */
export interface SyncStore {
  readFeed(): Promise<PackedFeedPointer | null>;
  /**
   * Stores the packed revision and switches to it: readers see the old one or the new one,
   * whole; a failed write keeps the old one (utils/catalogue/feed-store.ts).
   */
  writeFeed(packed: PackedCatalogue, meta: FeedMeta, source?: string): Promise<unknown>;
  /** The catalogue text of the revision in use, stored with it (what a delta applies to), or null. */
  readFeedSource(): Promise<string | null>;
  /** Records the ETag and signing key of the revision in use, verified again (its parts stay). */
  annotateFeed(meta: Pick<FeedMeta, 'etag' | 'signerKey'>): Promise<void>;
  /** Drops the stored feed (its key is no longer trusted, or the policy says so). */
  removeFeed(): Promise<void>;
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
  /**
   * The feed in parts (issue 22): where a revision is staged part by part and the chunked packer.
   * Absent (older callers, the CLI): only the delta and the full feed are tried.
   */
  parts?: { staging: FeedStaging; makePacker: (base: Omit<Catalogue, 'services'>) => ChunkedPacker };
  /** Stops a sync in parts between two parts (what a stopped service worker does; tests and the bench). */
  signal?: AbortSignal;
}

/** The feed is JSON; some static servers label .json files as text/plain, which we refuse. */
const FEED_CONTENT_TYPES = ['application/json'] as const;
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * 64 MB. Measured (npm run measure:sync): 5,000 services make a 7.3 MB feed, so this leaves
 * room for the 30,000 services of the performance target (≈ 44 MB) and no more.
 */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function signatureUrl(feedUrl: string): string {
  return `${feedUrl}.sig`;
}

/**
 * One sync attempt: conditional GET, signature, validation, acceptance, packing, atomic swap.
 * Never throws; removes the stored feed only when its key is no longer trusted or the policy
 * says so (storedFeedProblem), never on a failed attempt; the returned (and stored) state
 * says what happened and why.
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
  let delta: SyncState['delta'];

  const finish = async (change: Pick<SyncState, 'outcome' | 'reason' | 'detail'>): Promise<SyncState> => {
    const end = deps.now();
    const success = change.outcome !== 'failed';
    const refused = delta?.outcome === 'fallback' ? `delta refused (${delta.reason}): ${delta.detail}` : null;
    const state: SyncState = {
      ...change,
      detail: refused ? (change.detail ? `${change.detail}; ${refused}` : refused) : change.detail,
      ...(delta ? { delta } : {}),
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
  const withDroppedNote = (detail: string) => (dropped ? `${detail}; ${dropped}` : detail);
  const fail = (reason: SyncFailure, detail: string) => finish({ outcome: 'failed', reason, detail: dropped ? `${detail}; ${dropped}` : detail });
  const fetchFailure = (result: Extract<FetchResult, { kind: 'failed' }>) => fail(result.reason, result.detail);

  if (feedUnreadable !== null) return fail('storageFailed', `could not read the stored feed: ${feedUnreadable}`);
  const problem = feed ? storedFeedProblem(feed, source) : null;
  if (problem) {
    try {
      await deps.store.removeFeed();
    } catch (error) {
      return fail('storageFailed', `could not drop the stored feed (${problem}): ${message(error)}`);
    }
    feed = null;
    dropped = `stored feed dropped: ${problem}`;
  }
  if (source.useBundledCatalogue) return fail('bundledByPolicy', 'policy: use the bundled catalogue');
  const current = chooseCatalogue(deps.bundled, feed);

  if (!source.feedUrl || source.trustedPublicKeys.length === 0) {
    return fail('notConfigured', source.feedUrl ? 'no trusted keys' : 'no feed URL');
  }
  // Policy and options are checked when read; the build default and any other caller here.
  if (!isAllowedEndpointUrl(source.feedUrl)) return fail('notConfigured', `${source.feedUrl}: ${PLAIN_HTTP_MESSAGE}`);
  const limits = { timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes, contentTypes: FEED_CONTENT_TYPES };
  // A browser a revision or a few behind first tries one small signed delta (issue 22); any
  // problem with it falls back to the full feed below, with the reason recorded.
  if (current.feed) {
    // A revision synced in parts keeps its text in parts: the delta applies to them, streamed.
    const parts = deps.parts;
    const inParts = parts && current.feed.sourceParts ? isPartsSource(await parts.staging.readSourcePart(0).catch(() => null)) : false;
    const viaDelta = await tryDelta(
      {
        fetch: deps.fetch,
        now: deps.now,
        timeoutMs: deps.timeoutMs,
        maxBytes: deps.maxBytes,
        readSource: () => deps.store.readFeedSource(),
        ...(parts && inParts ? { applyToParts: (found, signerKey) => applyDeltaToParts(found, { ...parts, now: deps.now }, signerKey) } : {}),
      },
      { feedUrl: source.feedUrl, trustedPublicKeys: source.trustedPublicKeys, minimumRevision: source.minimumRevision ?? 0 },
      current.header,
      Boolean(current.feed.sourceParts),
    );
    bytes += viaDelta.bytes;
    if (viaDelta.kind === 'upToDate') return finish({ outcome: 'notModified', reason: null, detail: `revision ${current.header.revision} is the latest (delta index)` });
    if (viaDelta.kind === 'failed') delta = { outcome: 'fallback', reason: viaDelta.reason, detail: viaDelta.detail.slice(0, 300), bytes: viaDelta.bytes };
    if (viaDelta.kind === 'stored') {
      delta = { outcome: 'applied', reason: null, detail: `${viaDelta.fromRevision} → ${viaDelta.pointer.header.revision} (on the stored parts)`, bytes: viaDelta.bytes };
      return finish({ outcome: 'updated', reason: null, detail: withDroppedNote(`revision ${viaDelta.pointer.header.revision} (delta from ${viaDelta.fromRevision}, ${viaDelta.bytes} bytes)`) });
    }
    if (viaDelta.kind === 'applied') {
      try {
        const packed = deps.pack(viaDelta.catalogue);
        // No ETag: the full feed's is unknown here; the signed index tells the next attempt it is current.
        await deps.store.writeFeed(packed, { acceptedAt: new Date(deps.now()).toISOString(), etag: null, signerKey: viaDelta.signerKey }, viaDelta.text);
      } catch (error) {
        return fail('storageFailed', message(error));
      }
      delta = { outcome: 'applied', reason: null, detail: `${viaDelta.fromRevision} → ${viaDelta.catalogue.revision}`, bytes: viaDelta.bytes };
      return finish({ outcome: 'updated', reason: null, detail: withDroppedNote(`revision ${viaDelta.catalogue.revision} (delta from ${viaDelta.fromRevision}, ${viaDelta.bytes} bytes)`) });
    }
  }

  // The feed in parts, whenever the server has it (issue 22): a part at a time, resumable, the
  // same checks as the full feed. Without a manifest (an older server, a static host) the full feed.
  if (deps.parts) {
    const viaParts = await syncParts(
      { fetch: deps.fetch, now: deps.now, timeoutMs: deps.timeoutMs, staging: deps.parts.staging, makePacker: deps.parts.makePacker },
      { feedUrl: source.feedUrl, trustedPublicKeys: source.trustedPublicKeys, minimumRevision: source.minimumRevision ?? 0 },
      current.header,
      deps.signal,
    ).catch((error: unknown) => ({ kind: 'failed' as const, bytes: 0, reason: 'storageFailed' as const, detail: message(error) }));
    bytes += viaParts.bytes;
    if (viaParts.kind === 'failed') return fail(viaParts.reason, viaParts.detail);
    if (viaParts.kind === 'committed') {
      const resumed = viaParts.resumedFrom > 0 ? `, resumed at part ${viaParts.resumedFrom + 1}` : '';
      return finish({ outcome: 'updated', reason: null, detail: withDroppedNote(`revision ${viaParts.revision} (${viaParts.parts} parts${resumed})`) });
    }
    if (viaParts.kind === 'sameRevision') {
      const inUse = current.feed;
      if (inUse && inUse.signerKey !== viaParts.signerKey) {
        try {
          await deps.store.annotateFeed({ etag: inUse.etag, signerKey: viaParts.signerKey });
        } catch (error) {
          return fail('storageFailed', message(error));
        }
      }
      return finish({ outcome: 'sameRevision', reason: null, detail: `revision ${current.header.revision}` });
    }
  }

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

  const verdict = await acceptFeed(fetched.body, signatureText, source.trustedPublicKeys, current.header, { minimumRevision: source.minimumRevision ?? 0 });
  const withDropped = (detail: string) => (dropped ? `${detail}; ${dropped}` : detail);
  if (verdict.kind === 'rejected') return fail(verdict.reason, verdict.detail);
  if (verdict.kind === 'sameRevision') {
    // The feed in use, verified again: record its key (and ETag) if it was stored without them.
    const inUse = current.feed;
    if (inUse && (inUse.signerKey !== verdict.signerKey || inUse.etag !== fetched.etag)) {
      try {
        await deps.store.annotateFeed({ etag: fetched.etag, signerKey: verdict.signerKey });
      } catch (error) {
        return fail('storageFailed', message(error));
      }
    }
    return finish({ outcome: 'sameRevision', reason: null, detail: `revision ${current.header.revision}` });
  }
  try {
    // Packed here, once, in the background: the popup opens the stored packed form as it opens the bundled one.
    const packed = deps.pack(verdict.catalogue);
    // The text is kept with the packed form: the next delta applies to it.
    const text = new TextDecoder().decode(fetched.body);
    await deps.store.writeFeed(packed, { acceptedAt: new Date(deps.now()).toISOString(), etag: fetched.etag, signerKey: verdict.signerKey }, text);
  } catch (error) {
    return fail('storageFailed', message(error));
  }
  return finish({ outcome: 'updated', reason: null, detail: withDropped(`revision ${verdict.catalogue.revision}`) });
}
