import type { CatalogueHeader, PackedFeedPointer } from '../catalogue/in-use';
import { formatIssues, parseCatalogue } from '../catalogue/load';
import type { Catalogue } from '../catalogue/schema';
import { MAX_REVISION_JUMP } from './accept-feed';
import { applyDelta, deltaIndexSchema, parseDelta, sha256HexOf, type CatalogueDelta, type DeltaIndex } from './delta';
import type { DeltaOnParts } from './delta-parts';
import { fetchLimited, type FetchLike } from './fetch-limited';
import type { DeltaFailure } from './reasons';
import { MAX_SIGNATURE_FILE_BYTES, verifySigner } from './signature';

/** The delta index names at most a few dozen deltas: anything bigger is not ours. */
const MAX_DELTA_INDEX_BYTES = 64 * 1024;

export interface DeltaSource {
  feedUrl: string;
  trustedPublicKeys: readonly string[];
  minimumRevision: number;
}

export interface DeltaDependencies {
  fetch: FetchLike;
  now: () => number;
  timeoutMs: number;
  /** The full feed's cap: no delta may be bigger. */
  maxBytes: number;
  /** The stored catalogue text of the revision in use, or null when none is kept. */
  readSource: () => Promise<string | null>;
  /**
   * When the revision in use is stored in parts (a sync in parts, issue 22): applies the verified
   * delta to those parts and commits the result itself (delta-parts.ts), instead of `readSource`.
   */
  applyToParts?: (delta: CatalogueDelta, signerKey: string) => Promise<DeltaOnParts>;
}

export type DeltaAttempt =
  /** Nothing to try (no index, no stored catalogue): the full feed decides, as before deltas. */
  | { kind: 'none'; bytes: number; detail: string }
  /** The signed index says the revision in use is the latest: nothing to download. */
  | { kind: 'upToDate'; bytes: number; signerKey: string }
  | { kind: 'applied'; bytes: number; catalogue: Catalogue; text: string; signerKey: string; fromRevision: number }
  /** Applied to the stored parts and already committed (applyToParts). */
  | { kind: 'stored'; bytes: number; pointer: PackedFeedPointer; fromRevision: number }
  | { kind: 'failed'; bytes: number; reason: DeltaFailure; detail: string };

/** Where the deltas of a feed live: `deltas/` beside `catalogue.json`. */
function deltaIndexUrl(feedUrl: string): string {
  return new URL('deltas/index.json', feedUrl).href;
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/**
 * Tries to reach the latest revision with one delta from the revision in use (issue 22): the
 * signed index, then the signed delta named there, applied to the stored catalogue text, checked
 * by SHA-256 against the published full feed, validated by the catalogue schema and by the same
 * revision rules as a full feed. Never throws and never stores anything: the caller packs and
 * switches atomically, or falls back to the full feed on anything but `applied`/`upToDate`.
 */
export async function tryDelta(deps: DeltaDependencies, source: DeltaSource, current: CatalogueHeader, hasSource: boolean): Promise<DeltaAttempt> {
  let bytes = 0;
  const started = deps.now();
  const failed = (reason: DeltaFailure, detail: string): DeltaAttempt => ({ kind: 'failed', bytes, reason, detail });
  const remaining = () => Math.max(1, deps.timeoutMs - (deps.now() - started));
  if (!hasSource) return { kind: 'none', bytes, detail: 'no stored catalogue to apply a delta to' };

  /** A signed JSON file: its bytes (within `maxBytes`) and the trusted key that signed them. */
  async function fetchSigned(url: string, maxBytes: number, missing: () => DeltaAttempt): Promise<{ body: Uint8Array<ArrayBuffer>; key: string } | DeltaAttempt> {
    const body = await fetchLimited(deps.fetch, url, { timeoutMs: remaining(), maxBytes, contentTypes: ['application/json'] });
    bytes += body.bytes;
    if (body.kind === 'notFound') return missing();
    if (body.kind === 'failed') return failed(body.reason, `${url}: ${body.detail}`);
    if (body.kind !== 'body') return failed('httpError', `${url}: unexpected ${body.kind}`);
    const signature = await fetchLimited(deps.fetch, `${url}.sig`, { timeoutMs: remaining(), maxBytes: MAX_SIGNATURE_FILE_BYTES });
    bytes += signature.bytes;
    if (signature.kind === 'failed') return failed(signature.reason, `${url}.sig: ${signature.detail}`);
    const text = signature.kind === 'body' ? new TextDecoder().decode(signature.body) : null;
    const { result, key } = await verifySigner(body.body, text, source.trustedPublicKeys);
    if (result !== 'valid' || key === null) return failed(result === 'valid' ? 'unknownKey' : result, url);
    return { body: body.body, key };
  }
  const parseJson = (body: Uint8Array): unknown => {
    try {
      return JSON.parse(utf8(body));
    } catch {
      return undefined;
    }
  };

  const indexUrl = deltaIndexUrl(source.feedUrl);
  const indexFile = await fetchSigned(indexUrl, MAX_DELTA_INDEX_BYTES, () => ({ kind: 'none', bytes, detail: 'the feed has no delta index' }));
  if ('kind' in indexFile) return indexFile;
  const indexData = parseJson(indexFile.body);
  if (indexData === undefined) return failed('invalidJson', indexUrl);
  const parsedIndex = deltaIndexSchema.safeParse(indexData);
  if (!parsedIndex.success) return failed('schemaInvalid', `${indexUrl}: ${parsedIndex.error.issues[0]?.message ?? ''}`);
  const index: DeltaIndex = parsedIndex.data;
  if (index.region !== current.region) return failed('otherRegion', `index for ${index.region} ≠ ${current.region}`);
  if (index.revision < current.revision) return failed('olderRevision', `index at revision ${index.revision} < ${current.revision}`);
  if (index.revision === current.revision) return { kind: 'upToDate', bytes, signerKey: indexFile.key };

  const entry = index.deltas.find((delta) => delta.fromRevision === current.revision && delta.toRevision === index.revision);
  if (!entry) return failed('deltaMissing', `no delta from revision ${current.revision} to ${index.revision}`);
  // A delta as big as the feed it replaces saves nothing (the workbench publishes none over half).
  const cap = Math.min(deps.maxBytes, index.bytes);
  if (entry.bytes > cap) return failed('tooLarge', `delta of ${entry.bytes} bytes > ${cap}`);

  const deltaUrl = new URL(entry.path, indexUrl).href;
  // The signed index says how big the delta is: a byte more is not the published delta.
  const deltaFile = await fetchSigned(deltaUrl, entry.bytes, () => failed('deltaMissing', `${deltaUrl}: HTTP 404`));
  if ('kind' in deltaFile) return deltaFile;
  const delta = parseDelta(parseJson(deltaFile.body));
  if (!delta) return failed(parseJson(deltaFile.body) === undefined ? 'invalidJson' : 'schemaInvalid', deltaUrl);
  if (delta.region !== current.region) return failed('otherRegion', `delta for ${delta.region} ≠ ${current.region}`);
  if (delta.toRevision <= current.revision) return failed('olderRevision', `delta ${delta.fromRevision}→${delta.toRevision}, revision in use ${current.revision} (replayed or older)`);
  if (delta.fromRevision !== current.revision || delta.toRevision !== index.revision) {
    return failed('deltaWrongPair', `${entry.path} holds delta ${delta.fromRevision}→${delta.toRevision}`);
  }
  if (delta.sha256 !== index.sha256) return failed('deltaHashMismatch', 'the delta and the index name different catalogues');
  if (delta.toRevision < source.minimumRevision) return failed('belowMinimumRevision', `${delta.toRevision} < ${source.minimumRevision} (policy)`);
  if (delta.toRevision - current.revision > MAX_REVISION_JUMP) return failed('revisionJump', `${current.revision} → ${delta.toRevision}`);

  if (deps.applyToParts) {
    const stored = await deps.applyToParts(delta, deltaFile.key);
    return stored.ok ? { kind: 'stored', bytes, pointer: stored.pointer, fromRevision: current.revision } : failed(stored.reason, stored.detail);
  }
  let result: Record<string, unknown>;
  try {
    const stored = await deps.readSource();
    if (stored === null) return { kind: 'none', bytes, detail: 'the stored catalogue text is gone' };
    result = applyDelta(JSON.parse(stored) as Record<string, unknown>, delta);
  } catch (error) {
    return failed('deltaWrongPair', String((error as Error)?.message ?? error));
  }
  const parsed = parseCatalogue(result);
  if (!parsed.success) return failed('schemaInvalid', formatIssues(parsed.data, parsed.issues).slice(0, 3).join('; '));
  // Serialised as publishing serialises: the bytes of the published catalogue.json, or not ours.
  const text = JSON.stringify(parsed.catalogue);
  const digest = await sha256HexOf(new TextEncoder().encode(text));
  if (digest !== delta.sha256) return failed('deltaHashMismatch', `SHA-256 ${digest.slice(0, 16)}… ≠ ${delta.sha256.slice(0, 16)}…`);
  return { kind: 'applied', bytes, catalogue: parsed.catalogue, text, signerKey: deltaFile.key, fromRevision: current.revision };
}
