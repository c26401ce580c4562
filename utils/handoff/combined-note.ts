import type { Organisation, Service } from '../catalogue/schema';
import { formatReferralNote } from '../referral/format-note';
import type { NoteLanguage } from '../referral/templates';

/**
 * One note for several services: the heading and date once, then one block per service with
 * the same facts as its single note (the single note without its heading line), a blank line
 * between blocks. A single service gives exactly its single note.
 */
export function formatCombinedNote(entries: ReadonlyArray<{ service: Service; organisation: Organisation }>, date: Date, language: NoteLanguage): string {
  const notes = entries.map(({ service, organisation }) => formatReferralNote({ service, organisation, date, language }));
  if (notes.length <= 1) return notes[0] ?? '';
  const [heading] = notes[0]!.split('\n');
  const blocks = notes.map((note) => note.split('\n').slice(1).join('\n'));
  return [heading, ...blocks].join('\n\n');
}
