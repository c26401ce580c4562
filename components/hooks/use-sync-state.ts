import { useEffect, useState } from 'react';
import { readSyncState, type SyncState } from '@/utils/sync/state';
import { syncStateItem } from '@/utils/sync/storage';

/** The last sync attempt as the background recorded it, live; `null` until storage answered. */
export function useSyncState(): SyncState | null {
  const [state, setState] = useState<SyncState | null>(null);
  useEffect(() => {
    let mounted = true;
    const update = (stored: unknown) => mounted && setState(readSyncState(stored));
    syncStateItem.getValue().then(update, () => update(undefined));
    const unwatch = syncStateItem.watch(update);
    return () => {
      mounted = false;
      unwatch();
    };
  }, []);
  return state;
}
