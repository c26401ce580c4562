import { formatIssues, parseCatalogue } from '../catalogue/load';
import type { CatalogueHeader } from '../catalogue/in-use';
import type { Catalogue } from '../catalogue/schema';
import type { SyncFailure } from './reasons';
import { verifySigner } from './signature';

/** What acceptance compares against: the catalogue in use (utils/catalogue/in-use.ts). */
export type CurrentCatalogue = Pick<CatalogueHeader, 'region' | 'revision'>;

/**
 * How far one feed may move the revision ahead of the catalogue in use. Publications count up
 * by one; a bigger jump is a typo or a stolen key, and would make every later feed "older".
 */
export const MAX_REVISION_JUMP = 1000;

export interface AcceptPolicy {
  /** A feed below this revision is refused (administrator policy; 0 = none). */
  minimumRevision?: number;
}

export type AcceptResult =
  | { kind: 'accepted'; catalogue: Catalogue; signerKey: string }
  | { kind: 'sameRevision'; catalogue: Catalogue; signerKey: string }
  | { kind: 'rejected'; reason: SyncFailure; detail: string };

/**
 * Decides whether downloaded feed bytes may replace the catalogue in use. Order matters: the
 * signature is checked over the exact bytes before they are even parsed, so nothing unsigned
 * reaches the JSON parser or the schema; then only a higher revision of the same region is
 * taken (an older or equal one is a downgrade or a replay).
 */
export async function acceptFeed(
  body: Uint8Array<ArrayBuffer>,
  signatureText: string | null,
  trustedKeys: readonly string[],
  current: CurrentCatalogue,
  policy: AcceptPolicy = {},
): Promise<AcceptResult> {
  const { result: signature, key: signerKey } = await verifySigner(body, signatureText, trustedKeys);
  if (signature !== 'valid' || signerKey === null) return { kind: 'rejected', reason: signature === 'valid' ? 'unknownKey' : signature, detail: signature };

  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return { kind: 'rejected', reason: 'invalidJson', detail: String((error as Error).message) };
  }
  const parsed = parseCatalogue(data);
  if (!parsed.success) {
    const problems = formatIssues(parsed.data, parsed.issues);
    // Only the maintainers' vocabulary section is broken: said so, so that they know where to look.
    const reason = parsed.issues.every((issue) => issue.path[0] === 'vocabulary') ? 'vocabularyInvalid' : 'schemaInvalid';
    return { kind: 'rejected', reason, detail: `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3})` : ''}` };
  }
  const { catalogue } = parsed;
  const verdict = revisionVerdict(catalogue, current, policy);
  if (verdict.kind === 'rejected') return verdict;
  if (verdict.kind === 'sameRevision') return { kind: 'sameRevision', catalogue, signerKey };
  return { kind: 'accepted', catalogue, signerKey };
}

/**
 * Whether a signed, valid revision may replace the one in use: the same region, not older, not
 * below the administrator's minimum, not a jump. The full feed and the feed in parts ask the same.
 */
export function revisionVerdict(
  next: CurrentCatalogue,
  current: CurrentCatalogue,
  policy: AcceptPolicy = {},
): { kind: 'newer' } | { kind: 'sameRevision' } | { kind: 'rejected'; reason: SyncFailure; detail: string } {
  if (next.region !== current.region) return { kind: 'rejected', reason: 'otherRegion', detail: `${next.region} ≠ ${current.region}` };
  if (next.revision < current.revision) return { kind: 'rejected', reason: 'olderRevision', detail: `${next.revision} < ${current.revision}` };
  if (next.revision < (policy.minimumRevision ?? 0)) {
    return { kind: 'rejected', reason: 'belowMinimumRevision', detail: `${next.revision} < ${policy.minimumRevision} (policy)` };
  }
  if (next.revision === current.revision) return { kind: 'sameRevision' };
  if (next.revision - current.revision > MAX_REVISION_JUMP) {
    return { kind: 'rejected', reason: 'revisionJump', detail: `${current.revision} → ${next.revision} (at most +${MAX_REVISION_JUMP})` };
  }
  return { kind: 'newer' };
}
