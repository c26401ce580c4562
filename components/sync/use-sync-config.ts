import { useCallback, useEffect, useState } from 'react';
import type { SyncConfig } from '@/utils/sync/config';
import { loadSyncConfig } from '@/utils/sync/load-config';
import { syncSettingsItem } from '@/utils/storage';

/** The sync settings in force (with where each came from), reloaded after every change. */
export function useSyncConfig(): [SyncConfig | null, () => void] {
  const [config, setConfig] = useState<SyncConfig | null>(null);
  const reload = useCallback(() => {
    loadSyncConfig().then(setConfig, () => undefined);
  }, []);
  useEffect(() => {
    reload();
    return syncSettingsItem.watch(reload);
  }, [reload]);
  return [config, reload];
}
