import type { CatalogueHeader, PackedFeedPointer } from '../catalogue/in-use';
import type { StagedRevision } from '../catalogue/staged-revision';
import { revisionId } from '../catalogue/ids';
import type { Catalogue } from '../catalogue/schema';
import type { ChunkedPacker } from '../search/compact/chunked-pack';
import { revisionVerdict } from './accept-feed';
import { fetchLimited, type FetchLike } from './fetch-limited';
import { MAX_MANIFEST_BYTES, partFileName, partsManifestPath, partsManifestSchema, sha256HexSync, type PartsManifest } from './parts';
import type { PartsProgress } from './parts-progress';
import { createStagedPacking } from './staged-packing';
import type { SyncFailure } from './reasons';
import { MAX_SIGNATURE_FILE_BYTES, verifySigner } from './signature';

/**
 * The biggest catalogue taken in parts: 256 MB of catalogue.json, about 250,000 services. The
 * full feed's 64 MB cap is about holding the whole body in memory; in parts only one part is
 * held, so the cap here is about the browser's storage.
 */
const MAX_PARTS_TOTAL_BYTES = 256 * 1024 * 1024;

export interface FeedStaging {
  stage(id: string): StagedRevision;
  dropStagedExcept(id: string | null): Promise<void>;
  /** A source part of the revision in use (what a delta applies to). */
  readSourcePart(at: number): Promise<string | null>;
  readProgress(): Promise<PartsProgress | null>;
  writeProgress(progress: PartsProgress | null): Promise<void>;
}

export interface PartsDependencies {
  fetch: FetchLike;
  now: () => number;
  /** Per request (the manifest, each part): a national catalogue takes many. */
  timeoutMs: number;
  staging: FeedStaging;
  makePacker: (base: Omit<Catalogue, 'services'>) => ChunkedPacker;
}

export interface PartsSource {
  feedUrl: string;
  trustedPublicKeys: readonly string[];
  minimumRevision: number;
}

export type PartsAttempt =
  /** The server has no feed in parts: the full feed decides, as before. */
  | { kind: 'none'; bytes: number; detail: string }
  | { kind: 'sameRevision'; bytes: number; signerKey: string }
  | { kind: 'committed'; bytes: number; pointer: PackedFeedPointer; revision: number; parts: number; resumedFrom: number }
  | { kind: 'failed'; bytes: number; reason: SyncFailure; detail: string };

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const message = (error: unknown) => String((error as Error)?.message ?? error);

/**
 * A sync of the feed in parts (issue 22): the signed manifest, checked as the full feed is
 * (signature over its exact bytes by a trusted key, schema, region, older, minimum revision,
 * jump); then the parts one at a time, each against the manifest's SHA-256, validated, packed
 * chunk by chunk into a staged revision, with the progress recorded after each; committed (the
 * pointer moves) only when all are in and their bytes rebuild the catalogue the manifest names.
 *
 * Resumable: a progress of the same manifest continues with the next part (the parts already
 * stored are read back from the staging to rebuild the packer's state: no network); another
 * manifest drops the old staging and starts over. A failure keeps the progress (the next attempt
 * continues), except where what is staged cannot be right (then it is dropped).
 */
export async function syncParts(deps: PartsDependencies, source: PartsSource, current: CatalogueHeader, signal?: AbortSignal): Promise<PartsAttempt> {
  let bytes = 0;
  const failed = (reason: SyncFailure, detail: string): PartsAttempt => ({ kind: 'failed', bytes, reason, detail });
  const manifestUrl = new URL(partsManifestPath, source.feedUrl).href;

  // 1. The manifest and its signature: nothing unsigned reaches the parser.
  const body = await fetchLimited(deps.fetch, manifestUrl, { timeoutMs: deps.timeoutMs, maxBytes: MAX_MANIFEST_BYTES, contentTypes: ['application/json'] });
  bytes += body.bytes;
  if (body.kind === 'notFound') return { kind: 'none', bytes, detail: 'the feed has no parts manifest' };
  if (body.kind === 'failed') return failed(body.reason, `${manifestUrl}: ${body.detail}`);
  if (body.kind !== 'body') return failed('httpError', `${manifestUrl}: unexpected ${body.kind}`);
  const signature = await fetchLimited(deps.fetch, `${manifestUrl}.sig`, { timeoutMs: deps.timeoutMs, maxBytes: MAX_SIGNATURE_FILE_BYTES });
  bytes += signature.bytes;
  if (signature.kind === 'failed') return failed(signature.reason, `${manifestUrl}.sig: ${signature.detail}`);
  const signatureText = signature.kind === 'body' ? new TextDecoder().decode(signature.body) : null;
  const { result, key: signerKey } = await verifySigner(body.body, signatureText, source.trustedPublicKeys);
  if (result !== 'valid' || signerKey === null) return failed(result === 'valid' ? 'unknownKey' : result, result);

  let data: unknown;
  try {
    data = JSON.parse(utf8(body.body));
  } catch (error) {
    return failed('invalidJson', `${manifestUrl}: ${message(error)}`);
  }
  const parsed = partsManifestSchema.safeParse(data);
  if (!parsed.success) return failed('schemaInvalid', `${manifestUrl}: ${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const manifest: PartsManifest = parsed.data;
  const verdict = revisionVerdict(manifest, current, { minimumRevision: source.minimumRevision });
  const manifestSha256 = sha256HexSync(body.body);
  const progress = await deps.staging.readProgress();
  if (verdict.kind !== 'newer') {
    // Nothing of this manifest will be taken: a staging for any manifest is stale now.
    if (progress) await dropProgress(deps.staging, progress);
    return verdict.kind === 'sameRevision' ? { kind: 'sameRevision', bytes, signerKey } : failed(verdict.reason, verdict.detail);
  }
  if (manifest.bytes > MAX_PARTS_TOTAL_BYTES) return failed('tooLarge', `catalogue of ${manifest.bytes} bytes in parts > ${MAX_PARTS_TOTAL_BYTES}`);

  // 2. Continue the staging of this manifest, or start over (and drop any other).
  let resume = progress && progress.manifestSha256 === manifestSha256 ? progress : null;
  if (progress && !resume) await dropProgress(deps.staging, progress);
  let staged = resume ? deps.staging.stage(resume.stagedId) : null;
  const written = staged ? await staged.written() : null;
  if (resume && written && !Array.from({ length: resume.done + 1 }, (_, at) => at).every((at) => written.sourceParts.includes(at))) {
    // The progress says more than the staging holds (storage cleared under it): start over.
    await dropProgress(deps.staging, resume);
    resume = null;
    staged = null;
  }
  const startedAt = resume?.startedAt ?? new Date(deps.now()).toISOString();
  const stagedId = resume?.stagedId ?? revisionId(manifest.revision, startedAt);
  await deps.staging.dropStagedExcept(stagedId);
  staged ??= deps.staging.stage(stagedId);
  const done = resume?.done ?? 0;
  const lists = { organisations: manifest.parts.filter((part) => part.list === 'organisations').length, services: manifest.parts.filter((part) => part.list === 'services').length };
  const packing = createStagedPacking(staged, { keys: manifest.keys, sections: manifest.sections }, deps.makePacker, new Set(resume ? written!.shards : []));
  if (!resume) {
    await packing.begin(lists);
    await deps.staging.writeProgress({ manifestSha256, revision: manifest.revision, stagedId, done: 0, startedAt });
  }

  // 3. The parts, one at a time.
  for (const [at, entry] of manifest.parts.entries()) {
    if (signal?.aborted) return failed('networkError', `stopped after part ${at} of ${manifest.parts.length}`);
    let text: string | null;
    let fetched: Uint8Array | undefined;
    if (at < done) {
      // Already fetched, checked and stored by an earlier attempt: read back, not fetched again.
      text = await staged.readSourcePart(at + 1);
      if (text === null || sha256HexSync(new TextEncoder().encode(text)) !== entry.sha256) {
        await dropProgress(deps.staging, { stagedId } as PartsProgress);
        return failed('storageFailed', `staged part ${at} is gone or changed; the next attempt starts over`);
      }
    } else {
      const url = new URL(partFileName(entry.sha256), manifestUrl).href;
      // The signed manifest says how big the part is: a byte more is not the published part.
      const part = await fetchLimited(deps.fetch, url, { timeoutMs: deps.timeoutMs, maxBytes: entry.bytes, contentTypes: ['application/json'] });
      bytes += part.bytes;
      if (part.kind === 'notFound') {
        // A newer revision replaced this one mid-sync: its staging is of no use.
        await dropProgress(deps.staging, { stagedId } as PartsProgress);
        return failed('httpError', `${url}: HTTP 404 (a new revision was published meanwhile; the next attempt starts over)`);
      }
      if (part.kind === 'failed') return failed(part.reason, `${url}: ${part.detail}`);
      if (part.kind !== 'body') return failed('httpError', `${url}: unexpected ${part.kind}`);
      if (part.body.byteLength !== entry.bytes) return failed('truncated', `${url}: ${part.body.byteLength} of ${entry.bytes} bytes`);
      if (sha256HexSync(part.body) !== entry.sha256) return failed('signatureInvalid', `${url}: not the part the signed manifest names (SHA-256 differs)`);
      try {
        text = utf8(part.body);
      } catch (error) {
        return failed('invalidJson', `${url}: ${message(error)}`);
      }
      fetched = part.body;
    }
    const packed = await packing.part(entry.list, text, at >= done, fetched);
    // Nothing of this part outlives its turn (the loop's variables would keep it until the next).
    text = null;
    fetched = undefined;
    if (!packed.ok) {
      // Signed content that does not validate: what is staged will never commit.
      await dropProgress(deps.staging, { stagedId } as PartsProgress);
      return failed(packed.reason, packed.detail);
    }
    if (at >= done) await deps.staging.writeProgress({ manifestSha256, revision: manifest.revision, stagedId, done: at + 1, startedAt });
  }

  // 4. The index, the check of the whole, the switch.
  const finished = await packing.finish();
  if (!finished.ok) {
    await dropProgress(deps.staging, { stagedId } as PartsProgress);
    return failed(finished.reason, finished.detail);
  }
  if (finished.value.sha256 !== manifest.sha256 || finished.value.bytes !== manifest.bytes) {
    await dropProgress(deps.staging, { stagedId } as PartsProgress);
    return failed('signatureInvalid', `the parts do not rebuild the catalogue the manifest names (SHA-256 ${finished.value.sha256.slice(0, 16)}… ≠ ${manifest.sha256.slice(0, 16)}…)`);
  }
  const pointer = await staged.commit(
    { acceptedAt: new Date(deps.now()).toISOString(), etag: null, signerKey },
    { shardCount: finished.value.shardCount, sourceParts: finished.value.sourceParts },
  );
  await deps.staging.writeProgress(null);
  return { kind: 'committed', bytes, pointer, revision: manifest.revision, parts: manifest.parts.length, resumedFrom: done };
}

/** Drops a staging and its progress (best effort: an orphan is removed at the next start anyway). */
async function dropProgress(staging: FeedStaging, progress: Pick<PartsProgress, 'stagedId'>): Promise<void> {
  await staging.stage(progress.stagedId).abort().catch(() => undefined);
  await staging.writeProgress(null);
}
