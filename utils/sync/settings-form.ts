import { DEFAULT_REFRESH_INTERVAL_HOURS, type SyncConfig, type SyncDefaults, type SyncSettings } from './config';

/**
 * The options page's feed settings form (issue 12, item 7). Only what the nurse (or her IT
 * support) changed is saved: a value shown because it is the build's default stays a default,
 * so that a later release that changes it (e.g. rotates the feed key) is followed. Each field
 * can be put back to its default.
 */
const SYNC_FIELDS = ['feedUrl', 'trustedPublicKeys', 'refreshIntervalHours'] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];

/** The form as typed: text for each field. */
export interface SyncForm {
  feedUrl: string;
  keys: string;
  interval: string;
}

const parseKeys = (text: string): string[] => text.split(/\s+/).map((key) => key.trim()).filter(Boolean);

/** What the form shows for the settings in force. */
export function formFromConfig(config: Pick<SyncConfig, SyncField>): SyncForm {
  return { feedUrl: config.feedUrl ?? '', keys: config.trustedPublicKeys.join('\n'), interval: String(config.refreshIntervalHours) };
}

/** Each field's typed value in stored form; '' (empty) means "no value of her own". */
function typed(form: SyncForm): { feedUrl: string | undefined; trustedPublicKeys: string[] | undefined; refreshIntervalHours: number | undefined } {
  const keys = parseKeys(form.keys);
  return {
    feedUrl: form.feedUrl.trim() || undefined,
    trustedPublicKeys: keys.length > 0 ? keys : undefined,
    refreshIntervalHours: form.interval.trim() === '' ? undefined : Number(form.interval),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The settings to store: per field, the stored value when the nurse left the field as it was
 * shown (or the policy sets it), the typed value when she changed it, nothing when she emptied
 * it. Checked with `syncSettingsInputSchema` before it is stored.
 */
export function settingsToSave(form: SyncForm, shown: SyncForm, stored: SyncSettings, managed: (field: SyncField) => boolean): Record<string, unknown> {
  const now = typed(form);
  const before = typed(shown);
  const result: Record<string, unknown> = {};
  for (const field of SYNC_FIELDS) {
    const unchanged = managed(field) || same(now[field], before[field]);
    const value = unchanged ? stored[field] : now[field];
    if (value !== undefined) result[field] = value;
  }
  return result;
}

/** The stored settings without one field: that field follows the policy or the build default again. */
export function withDefault(stored: SyncSettings, field: SyncField): SyncSettings {
  const { [field]: _dropped, ...rest } = stored;
  return rest;
}

/**
 * Storage v1 → v2. The v1 options page saved every field it showed, so a v1 value holds the
 * build's defaults of that time as if the nurse had chosen them. A value equal to the current
 * default, and trusted keys all among the current defaults (the README's rotation keeps the old
 * key next to the new one for a release), are dropped; anything else may be a real choice and is
 * kept (the options page offers "Käytä oletusta").
 */
export function syncSettingsV2(v1: unknown, defaults: SyncDefaults): unknown {
  if (typeof v1 !== 'object' || v1 === null || Array.isArray(v1)) return v1;
  const value = { ...(v1 as Record<string, unknown>) };
  if (value.feedUrl !== undefined && value.feedUrl === defaults.feedUrl) delete value.feedUrl;
  const keys = value.trustedPublicKeys;
  if (Array.isArray(keys) && defaults.trustedPublicKeys.length > 0 && keys.every((key) => defaults.trustedPublicKeys.includes(key as string))) {
    delete value.trustedPublicKeys;
  }
  if (value.refreshIntervalHours === defaults.refreshIntervalHours || value.refreshIntervalHours === DEFAULT_REFRESH_INTERVAL_HOURS) {
    delete value.refreshIntervalHours;
  }
  return value;
}
