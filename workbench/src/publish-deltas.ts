/**
 * At each publish, besides the full signed feed: a signed delta from each of the last
 * DELTA_DEPTH revisions to the new one, and a signed index naming them (issue 22). A browser a
 * few revisions behind then downloads one small delta instead of the whole catalogue; one
 * further behind, or whose delta fails any check, takes the full feed as before.
 */
import { deltaFileName, DELTA_INDEX_FORMAT, makeDelta, sha256HexOf, type DeltaIndex } from '@jarjestoopas/utils/sync/delta';
import { signBytes, type SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import type { Queryable } from './db/db';
import { insertFeedDelta, insertFeedDeltaIndex, recentFeedCatalogues } from './store/feed-deltas';

/** How many earlier revisions get a delta to each new one. */
export const DELTA_DEPTH = 10;

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function signed(text: string, key: SigningKeyPair) {
  return { body: text, signature: JSON.stringify(await signBytes(utf8(text), key)) };
}

/**
 * Builds, signs and stores the deltas into `revision` (whose exact published text is `text`)
 * and its delta index, inside the publishing transaction. A delta as big as half the full feed
 * or more is not published: the full feed is then the cheaper download.
 */
export async function publishDeltas(tx: Queryable, revision: number, text: string, key: SigningKeyPair): Promise<DeltaIndex> {
  const bytes = utf8(text);
  const sha256 = await sha256HexOf(bytes);
  const after = JSON.parse(text) as Record<string, unknown>;
  const index: DeltaIndex = { format: DELTA_INDEX_FORMAT, region: String(after.region), revision, sha256, bytes: bytes.byteLength, deltas: [] };
  for (const earlier of await recentFeedCatalogues(tx, revision - DELTA_DEPTH, revision)) {
    const before = JSON.parse(earlier.catalogue) as Record<string, unknown>;
    if (before.region !== after.region) continue;
    const body = JSON.stringify(makeDelta(before, after, sha256));
    const size = Buffer.byteLength(body, 'utf8');
    if (size * 2 >= bytes.byteLength) continue;
    await insertFeedDelta(tx, earlier.revision, revision, await signed(body, key));
    index.deltas.push({ fromRevision: earlier.revision, toRevision: revision, bytes: size, path: deltaFileName(earlier.revision, revision) });
  }
  await insertFeedDeltaIndex(tx, revision, await signed(JSON.stringify(index), key));
  return index;
}
