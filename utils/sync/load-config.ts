import { readPolicy } from '../policy/read';
import { buildSyncDefaults } from './build-defaults';
import { syncSettingsItem } from '../storage';
import { readStoredSyncSettings, resolveSyncConfig, type SyncConfig, type SyncDefaults, type SyncSettings } from './config';

/** The sync settings in force now: policy, then options page, then build default. */
export async function loadSyncConfig(defaults: SyncDefaults = buildSyncDefaults()): Promise<SyncConfig> {
  const [{ policy }, settings] = await Promise.all([readPolicy(), readSyncSettings()]);
  return resolveSyncConfig(policy, settings, defaults);
}

/** The options page's stored settings (pages read them with useSyncSettings). */
export async function readSyncSettings(): Promise<SyncSettings> {
  return readStoredSyncSettings(await syncSettingsItem.getValue());
}
