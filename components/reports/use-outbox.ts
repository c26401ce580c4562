import { useSyncExternalStore } from 'react';
import { readOutbox, type OutboxEntry, type QuarantinedEntry } from '@/utils/reports/schema';
import { reportOutboxItem } from '@/utils/reports/storage-items';

/**
 * The stored outbox, live. One storage subscription per page however many cards ask
 * (the background is the only writer; pages only read and watch).
 */
let snapshot: OutboxEntry[] = [];
let quarantinedSnapshot: QuarantinedEntry[] = [];
const listeners = new Set<() => void>();
let unwatch: (() => void) | null = null;

function publish(stored: unknown): void {
  const reading = readOutbox(stored);
  snapshot = reading.entries;
  quarantinedSnapshot = reading.quarantined;
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

/** Stored reports this version cannot read: kept, and listed on the options page. */
export function useQuarantinedReports(): QuarantinedEntry[] {
  return useSyncExternalStore(subscribe, () => quarantinedSnapshot);
}

/** The nurse's latest report on a service, if any (the card shows its date). */
export function latestReportOn(entries: readonly OutboxEntry[], serviceId: string): OutboxEntry | undefined {
  return entries.filter((entry) => entry.report.serviceId === serviceId).at(-1);
}
