import * as z from 'zod/mini';
import { PICK_LIFETIME_MS } from './pick-list';

/**
 * The note the context menu and the keyboard command insert: the combined note of the pick
 * list, or else the single note she copied last. Written by the popup.
 */
const currentNoteSchema = z.object({
  text: z.string().check(z.minLength(1), z.maxLength(20_000)),
  /** What the menu item names: the service, or "Palvelu + 2". */
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When it was written (ms); it expires with the pick list's lifetime. */
  savedAt: z.number().check(z.nonnegative()),
});
export type CurrentNote = z.infer<typeof currentNoteSchema>;

/** The stored note, or null when malformed (whether it is still live is decided when it is used). */
export function readCurrentNote(stored: unknown): CurrentNote | null {
  const parsed = currentNoteSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The stored note as it stands at `now`: malformed or older than the pick list's lifetime gives null. */
export function liveCurrentNote(stored: unknown, now: number): CurrentNote | null {
  const parsed = currentNoteSchema.safeParse(stored);
  if (!parsed.success || now - parsed.data.savedAt >= PICK_LIFETIME_MS) return null;
  return parsed.data;
}

