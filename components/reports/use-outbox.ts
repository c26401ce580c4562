import { readOutbox, type OutboxEntry, type OutboxReading, type QuarantinedEntry } from '@/utils/reports/schema';
import { reportOutboxItem } from '@/utils/storage';
import { useStoredItem } from '../shared/use-stored-item';

const NONE: OutboxReading = { entries: [], quarantined: [] };

/** The stored outbox read once per change: the entries this version reads, and those it keeps aside. */
function useOutboxReading(): OutboxReading {
  return useStoredItem(reportOutboxItem, readOutbox) ?? NONE;
}

/** The stored outbox, live (the background is the only writer; pages only read and watch). */
export function useOutbox(): OutboxEntry[] {
  return useOutboxReading().entries;
}

/** Stored reports this version cannot read: kept, and listed on the options page. */
export function useQuarantinedReports(): QuarantinedEntry[] {
  return useOutboxReading().quarantined;
}

/** The nurse's latest report on a service, if any (the card shows its date). */
export function latestReportOn(entries: readonly OutboxEntry[], serviceId: string): OutboxEntry | undefined {
  return entries.filter((entry) => 'serviceId' in entry.report && entry.report.serviceId === serviceId).at(-1);
}
