import { outboxEntrySchema } from './schema';

/**
 * Stored outbox v1 → v2: v2 entries carry `followUp` (the maintainers' answer and how to ask
 * for it). A v1 report was delivered without a status token, so it cannot be followed: null.
 * An entry that would still not be readable (damaged, or from another version) is kept exactly
 * as it was (readOutbox quarantines it), as is a stored value that is not a list.
 */
export function outboxV2(v1: unknown): unknown {
  if (!Array.isArray(v1)) return v1;
  return v1.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || 'followUp' in entry) return entry;
    const upgraded = { ...entry, followUp: null };
    return outboxEntrySchema.safeParse(upgraded).success ? upgraded : entry;
  });
}
