import { parseOutbox, type OutboxEntry } from '@/utils/reports/schema';
import { reportOutboxItem } from '@/utils/storage';
import { useStoredItem } from '../shared/use-stored-item';

const NONE: OutboxEntry[] = [];

/** The stored outbox, live (the background is the only writer; pages only read and watch). */
export function useOutbox(): OutboxEntry[] {
  return useStoredItem(reportOutboxItem, parseOutbox) ?? NONE;
}

/** The nurse's latest report on a service, if any (the card shows its date). */
export function latestReportOn(entries: readonly OutboxEntry[], serviceId: string): OutboxEntry | undefined {
  return entries.filter((entry) => entry.report.serviceId === serviceId).at(-1);
}
