import { readSyncState, type SyncState } from '@/utils/sync/state';
import { syncStateItem } from '@/utils/storage';
import { useStoredItem } from '../shared/use-stored-item';

/** The last sync attempt as the background recorded it, live; `null` until storage answered. */
export function useSyncState(): SyncState | null {
  return useStoredItem(syncStateItem, readSyncState);
}
