import { storage } from '#imports';
import type { OutboxStorage } from './outbox';
import type { OutboxEntry } from './schema';

/**
 * The reports' stored items (browser layer). The outbox holds public catalogue facts and the
 * nurse's own remarks about them: no query, no patient detail, no identity.
 */
export const reportOutboxItem = storage.defineItem<unknown>('local:reportOutbox', {
  fallback: [],
  version: 1,
});

/** The options page's report endpoint (below policy, above the catalogue's). */
export const reportSettingsItem = storage.defineItem<unknown>('local:reportSettings', {
  fallback: {},
  version: 1,
});

export const outboxStorage: OutboxStorage = {
  load: () => reportOutboxItem.getValue(),
  save: (entries: OutboxEntry[]) => reportOutboxItem.setValue(entries),
};
