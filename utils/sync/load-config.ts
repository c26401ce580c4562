import { readPolicy } from '../policy/read';
import { buildSyncDefaults } from './build-defaults';
import { resolveSyncConfig, type SyncConfig, type SyncDefaults } from './config';
import { readSyncSettings } from './storage';

/** The sync settings in force now: policy, then options page, then build default. */
export async function loadSyncConfig(defaults: SyncDefaults = buildSyncDefaults()): Promise<SyncConfig> {
  const [{ policy }, settings] = await Promise.all([readPolicy(), readSyncSettings()]);
  return resolveSyncConfig(policy, settings, defaults);
}
