import * as z from 'zod/mini';
import { policyFields, type Policy } from '../policy/schema';

/** What the options page may save: checked strictly when the nurse presses Save. */
export const syncSettingsInputSchema = z.strictObject({
  feedUrl: z.optional(policyFields.feedUrl),
  trustedPublicKeys: z.optional(policyFields.trustedPublicKeys),
  refreshIntervalHours: z.optional(policyFields.refreshIntervalHours),
});

/** Stored settings read back field by field, like the policy (one bad value never hides the rest). */
export const syncSettingsSchema = z.object({
  feedUrl: z.catch(z.optional(policyFields.feedUrl), undefined),
  trustedPublicKeys: z.catch(z.optional(policyFields.trustedPublicKeys), undefined),
  refreshIntervalHours: z.catch(z.optional(policyFields.refreshIntervalHours), undefined),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/** The options page's stored settings, read field by field (storage is a trust boundary). */
export function readStoredSyncSettings(stored: unknown): SyncSettings {
  const parsed = syncSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

export const DEFAULT_REFRESH_INTERVAL_HOURS = 6;

export interface SyncDefaults {
  feedUrl: string | null;
  trustedPublicKeys: readonly string[];
  refreshIntervalHours: number;
}

type SettingSource = 'policy' | 'options' | 'build';

export interface SyncConfig {
  feedUrl: string | null;
  trustedPublicKeys: readonly string[];
  refreshIntervalHours: number;
  /** Policy only: the lowest feed revision taken or kept (0 = none). */
  minimumRevision: number;
  /** Policy only: use the bundled catalogue, drop and fetch no feed. */
  useBundledCatalogue: boolean;
  /** Where each value came from; policy values are shown locked on the options page. */
  sources: { feedUrl: SettingSource; trustedPublicKeys: SettingSource; refreshIntervalHours: SettingSource };
}

function pick<T>(policy: T | undefined, options: T | undefined, build: T): [T, SettingSource] {
  if (policy !== undefined) return [policy, 'policy'];
  if (options !== undefined) return [options, 'options'];
  return [build, 'build'];
}

/** Enterprise policy first, the options page second, the build default last; field by field. */
export function resolveSyncConfig(policy: Policy, settings: SyncSettings, defaults: SyncDefaults): SyncConfig {
  const [feedUrl, feedUrlSource] = pick<string | null>(policy.feedUrl, settings.feedUrl, defaults.feedUrl);
  const [trustedPublicKeys, keysSource] = pick<readonly string[]>(policy.trustedPublicKeys, settings.trustedPublicKeys, defaults.trustedPublicKeys);
  const [refreshIntervalHours, intervalSource] = pick(policy.refreshIntervalHours, settings.refreshIntervalHours, defaults.refreshIntervalHours);
  return {
    feedUrl,
    trustedPublicKeys,
    refreshIntervalHours,
    minimumRevision: policy.minimumRevision ?? 0,
    useBundledCatalogue: policy.useBundledCatalogue ?? false,
    sources: { feedUrl: feedUrlSource, trustedPublicKeys: keysSource, refreshIntervalHours: intervalSource },
  };
}
