import { z } from 'zod';
import type { PackedFeedStore } from '../catalogue/feed-store';
import { catalogueSchema, type Catalogue } from '../catalogue/schema';
import type { PackedCatalogue } from '../search/compact/format';

/**
 * How 0.1.0 stored an accepted feed: the whole catalogue, packed again at every popup open.
 * Storage v2 (utils/storage.ts, issue 12) added the key that signed it (null when v1 did not record it).
 */
const legacyFeedSchema = z.object({
  catalogue: catalogueSchema,
  acceptedAt: z.iso.datetime({ offset: true }),
  etag: z.string().nullable(),
  signerKey: z.string().nullable().default(null),
});

export type LegacyMigration = 'none' | 'packed' | 'superseded' | 'invalid';

/**
 * Moves a feed stored the 0.1.0 way to the packed form, once, in the background (on the
 * first wake after the update): packed with the same code as a fresh sync, switched to
 * atomically, and only then is the old value removed. If packing or storing fails, the old
 * value stays (and is tried again at the next wake): nothing is lost.
 */
export async function migrateLegacyFeed(deps: {
  legacy: { read(): Promise<unknown>; remove(): Promise<void> };
  store: PackedFeedStore;
  pack: (catalogue: Catalogue) => PackedCatalogue;
}): Promise<LegacyMigration> {
  const raw = await deps.legacy.read();
  if (raw === null || raw === undefined) return 'none';
  const parsed = legacyFeedSchema.safeParse(raw);
  // The popup of 0.1.0 ignored an invalid stored feed too: there is nothing to keep.
  if (!parsed.success) {
    await deps.legacy.remove();
    return 'invalid';
  }
  const { catalogue, acceptedAt, etag, signerKey } = parsed.data;
  const current = await deps.store.read();
  let outcome: LegacyMigration = 'superseded';
  if (!current || (current.header.region === catalogue.region && current.header.revision < catalogue.revision)) {
    await deps.store.write(deps.pack(catalogue), { acceptedAt, etag, signerKey });
    outcome = 'packed';
  }
  await deps.legacy.remove();
  return outcome;
}
