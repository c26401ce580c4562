import * as z from 'zod/mini';

/**
 * How far a sync in parts got (issue 22), recorded after each part: a service worker stopped
 * mid-sync continues from here, fetching nothing already done. It names the manifest by the
 * SHA-256 of its signed bytes: another manifest (a new revision) starts over and drops this
 * staging. Stored in `local:feedPartsProgress` (utils/storage.ts, versioned).
 */
const partsProgressSchema = z.object({
  /** SHA-256 (hex) of the signed manifest's bytes. */
  manifestSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  revision: z.int().check(z.nonnegative()),
  /** The staged revision's id (feed-store.ts `stage`). */
  stagedId: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  /** Parts of the manifest done: fetched, checked, packed, written. */
  done: z.int().check(z.nonnegative()),
  startedAt: z.iso.datetime({ offset: true }),
});
export type PartsProgress = z.infer<typeof partsProgressSchema>;

/** The stored progress, or null when there is none or it is unreadable (then the sync starts over). */
export function readPartsProgress(stored: unknown): PartsProgress | null {
  const parsed = partsProgressSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
