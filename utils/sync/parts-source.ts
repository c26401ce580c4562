import { z } from 'zod';
import { PART_LISTS } from './parts';

/**
 * How a revision synced in parts keeps its catalogue text (what a later delta applies to): source
 * part 0 is this header (the top-level key order, every section but the record lists, and how
 * many parts each list has), then the lists' part texts in order, organisations first. A revision
 * stored whole (the full feed) keeps the text itself, split anywhere (feed-store.ts); the header's
 * fixed opening tells the two apart (a catalogue.json opens with another key).
 */
const PARTS_SOURCE_FORMAT = 'jarjestoopas-catalogue-source-parts';
const OPENING = `{"format":"${PARTS_SOURCE_FORMAT}"`;

const partsSourceHeaderSchema = z.strictObject({
  format: z.literal(PARTS_SOURCE_FORMAT),
  keys: z.array(z.string()),
  sections: z.record(z.string(), z.unknown()),
  lists: z.strictObject({ organisations: z.number().int().nonnegative(), services: z.number().int().nonnegative() }),
});
export type PartsSourceHeader = z.infer<typeof partsSourceHeaderSchema>;

export function partsSourceHeaderText(header: Omit<PartsSourceHeader, 'format'>): string {
  return JSON.stringify({ format: PARTS_SOURCE_FORMAT, keys: header.keys, sections: header.sections, lists: header.lists });
}

export const isPartsSource = (firstPart: string | null): boolean => firstPart !== null && firstPart.startsWith(OPENING);

/** The header of a stored parts revision, or null when part 0 is not one (a whole text, or damaged). */
export function readPartsSourceHeader(firstPart: string | null): PartsSourceHeader | null {
  if (!isPartsSource(firstPart)) return null;
  try {
    const parsed = partsSourceHeaderSchema.safeParse(JSON.parse(firstPart!));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Where list `list`'s part `at` is among the source parts. */
export function sourcePartAt(header: Pick<PartsSourceHeader, 'lists'>, list: (typeof PART_LISTS)[number], at: number): number {
  return 1 + (list === 'services' ? header.lists.organisations : 0) + at;
}
