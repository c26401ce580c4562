import * as z from 'zod/mini';
import { upgradeCatalogue } from '../catalogue/upgrade-v1';
import { DELTA_FAILURES, SYNC_FAILURES, SYNC_OUTCOMES } from './reasons';

/** What started an attempt. */
const SYNC_TRIGGERS = ['install', 'startup', 'alarm', 'manual', 'settings'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

const isoTime = z.iso.datetime({ offset: true });

/** The last attempt and the last success; shown in the popup footer and on the options page. */
const syncStateSchema = z.object({
  lastAttemptAt: z.nullable(isoTime),
  lastSuccessAt: z.nullable(isoTime),
  outcome: z.nullable(z.enum(SYNC_OUTCOMES)),
  reason: z.nullable(z.enum(SYNC_FAILURES)),
  /** Technical detail for the maintainer (HTTP status, first schema problems); not for nurses. */
  detail: z.nullable(z.string()),
  trigger: z.nullable(z.enum(SYNC_TRIGGERS)),
  /** Cost of the last attempt: bytes of body received and wall-clock milliseconds. */
  bytes: z.int().check(z.nonnegative()),
  ms: z.number().check(z.nonnegative()),
  /**
   * The delta tried before the full feed (issue 22), when one was: `applied`, or `fallback` with
   * why the full feed was fetched instead. Absent: no delta was tried.
   */
  delta: z.optional(
    z.object({
      outcome: z.enum(['applied', 'fallback']),
      reason: z.nullable(z.enum(DELTA_FAILURES)),
      detail: z.nullable(z.string()),
      bytes: z.int().check(z.nonnegative()),
    }),
  ),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const INITIAL_SYNC_STATE: SyncState = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  outcome: null,
  reason: null,
  detail: null,
  trigger: null,
  bytes: 0,
  ms: 0,
};

export function readSyncState(stored: unknown): SyncState {
  const parsed = syncStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...INITIAL_SYNC_STATE };
}

/**
 * The 0.1.0 stored feed (`local:feedCatalogue`, utils/sync/migrate-legacy-feed.ts), storage
 * v1 → v2: v1 did not record the signing key. The catalogue stays in use, without its ETag, so
 * that the next attempt downloads the feed in full and records the key that verifies it.
 */
export function storedFeedV2(v1: unknown): unknown {
  if (typeof v1 !== 'object' || v1 === null || Array.isArray(v1)) return v1;
  return { ...v1, etag: null, signerKey: null };
}

/**
 * The 0.1.0 stored feed, storage v2 → v3 (issue 14): the stored catalogue becomes
 * schemaVersion 2 (upgrade-v1.ts). Anything unreadable is kept as it is, for the legacy
 * migration (utils/sync/migrate-legacy-feed.ts) to refuse (then the bundled catalogue is used
 * and the next sync fetches the feed again).
 */
export function migrateStoredFeedV1(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const value = stored as { catalogue?: unknown };
  return { ...value, catalogue: upgradeCatalogue(value.catalogue) };
}
