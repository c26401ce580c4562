import { useSyncExternalStore } from 'react';
import { parseOutbox, type OutboxEntry } from '@/utils/reports/schema';
import { reportOutboxItem } from '@/utils/reports/storage-items';

/**
 * The stored outbox, live. One storage subscription per page however many cards ask
 * (the background is the only writer; pages only read and watch).
 */
let snapshot: OutboxEntry[] = [];
const listeners = new Set<() => void>();
let unwatch: (() => void) | null = null;

function publish(stored: unknown): void {
  snapshot = parseOutbox(stored);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!unwatch) {
    unwatch = reportOutboxItem.watch(publish);
    reportOutboxItem.getValue().then(publish, () => publish([]));
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}

export function useOutbox(): OutboxEntry[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** The nurse's latest report on a service, if any (the card shows its date). */
export function latestReportOn(entries: readonly OutboxEntry[], serviceId: string): OutboxEntry | undefined {
  return entries.filter((entry) => entry.report.serviceId === serviceId).at(-1);
}
