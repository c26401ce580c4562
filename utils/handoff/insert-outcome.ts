import * as z from 'zod/mini';

/** What happened at the last insertion attempt, for the popup to tell her (then cleared). */
const insertOutcomeSchema = z.object({
  kind: z.enum(['copied', 'copy-failed', 'no-note']),
  at: z.number(),
});
export type InsertOutcome = z.infer<typeof insertOutcomeSchema>;

/** The stored outcome, or null when there is none or it is malformed (storage is a trust boundary). */
export function readInsertOutcome(stored: unknown): InsertOutcome | null {
  const parsed = insertOutcomeSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
