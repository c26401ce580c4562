import { storage } from '#imports';
import * as z from 'zod/mini';
import type { CurrentNote } from './current-note';
import { EMPTY_PICK_LIST, type PickList } from './pick-list';

/**
 * The hand-off's stored items. Both live in `storage.session` only (memory, never written to
 * disk, gone when the browser closes) and hold public catalogue facts, never the patient.
 */
export const pickListItem = storage.defineItem<PickList>('session:pickList', {
  fallback: EMPTY_PICK_LIST,
  version: 1,
});

/** The note the context menu and the keyboard command insert (see current-note.ts). */
export const currentNoteItem = storage.defineItem<CurrentNote | null>('session:currentNote', {
  fallback: null,
  version: 1,
});

/** What happened at the last insertion attempt, for the popup to tell her (then cleared). */
export const insertOutcomeSchema = z.object({
  kind: z.enum(['copied', 'copy-failed', 'no-note']),
  at: z.number(),
});
export type InsertOutcome = z.infer<typeof insertOutcomeSchema>;

export const insertOutcomeItem = storage.defineItem<InsertOutcome | null>('session:insertOutcome', {
  fallback: null,
  version: 1,
});
