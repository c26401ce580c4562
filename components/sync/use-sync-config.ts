import { useEffect, useMemo, useState } from 'react';
import type { Policy } from '@/utils/policy/schema';
import { readPolicy } from '@/utils/policy/read';
import { buildSyncDefaults } from '@/utils/sync/build-defaults';
import { readStoredSyncSettings, resolveSyncConfig, type SyncConfig, type SyncSettings } from '@/utils/sync/config';
import { syncSettingsItem } from '@/utils/storage';
import { useStoredItem } from '../shared/use-stored-item';

/** The options page's own stored sync settings, live; `null` until storage answers. */
function useSyncSettings(): SyncSettings | null {
  return useStoredItem(syncSettingsItem, readStoredSyncSettings);
}

/**
 * The sync settings in force (with where each came from) and her own stored ones. The policy
 * (managed storage, not one of our items) is read again whenever her settings change.
 */
export function useSyncConfig(): { config: SyncConfig | null; settings: SyncSettings | null } {
  const settings = useSyncSettings();
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    if (!settings) return;
    let active = true;
    readPolicy().then(({ policy: read }) => active && setPolicy(read), () => undefined);
    return () => {
      active = false;
    };
  }, [settings]);
  const config = useMemo(() => (settings && policy ? resolveSyncConfig(policy, settings, buildSyncDefaults()) : null), [settings, policy]);
  return { config, settings };
}
