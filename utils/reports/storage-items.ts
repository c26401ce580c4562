import { storage } from '#imports';
import type { OutboxStorage } from './outbox';

/**
 * The reports' stored items (browser layer). The outbox holds public catalogue facts and the
 * nurse's own remarks about them: no query, no patient detail, no identity.
 */
export const reportOutboxItem = storage.defineItem<unknown>('local:reportOutbox', {
  fallback: [],
  version: 1,
  // v1 is the first stored shape. With `migrations` WXT checks the stored version: a list
  // written by a newer version is left as it is (never rewritten down), and its entries this
  // version cannot read are quarantined, not dropped (readOutbox). A later shape adds its step here.
  migrations: {},
});

/** The options page's report endpoint (below policy, above the catalogue's). */
export const reportSettingsItem = storage.defineItem<unknown>('local:reportSettings', {
  fallback: {},
  version: 1,
  migrations: {},
});

export const outboxStorage: OutboxStorage = {
  load: () => reportOutboxItem.getValue(),
  save: (entries: unknown[]) => reportOutboxItem.setValue(entries),
};
