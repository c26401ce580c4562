import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SyncState } from './state';

/** The sync feature's whole message contract; handlers live only in the background. */
export interface SyncProtocolMap {
  /** "Päivitä nyt": run one attempt now and answer with the resulting state. */
  'sync.refreshNow'(): SyncState;
}

export const {
  sendMessage: sendSyncMessage,
  onMessage: onSyncMessage,
  removeAllListeners: removeSyncMessageListeners,
} = defineExtensionMessaging<SyncProtocolMap>();
