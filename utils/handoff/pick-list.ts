import * as z from 'zod/mini';
import { organisationSchema, serviceSchema, type Organisation, type Service } from '../catalogue/schema';

/**
 * The services she picks during one visit for one combined note and the client's printout.
 * Pure: no storage, no clock (the caller passes `now`). Only public catalogue records are kept,
 * never anything about the patient; the list lives in session storage and is forgotten
 * PICK_LIFETIME_MS after its first pick (a visit is over by then).
 */
export const PICK_LIMIT = 5;
export const PICK_LIFETIME_MS = 2 * 60 * 60 * 1000;

const pickEntrySchema = z.object({ service: serviceSchema, organisation: organisationSchema });

const pickListSchema = z.object({
  /** When the first service was picked (ms since the epoch); 0 for an empty list. */
  startedAt: z.number().check(z.nonnegative()),
  entries: z.array(pickEntrySchema).check(z.maxLength(PICK_LIMIT)),
});
export type PickList = z.infer<typeof pickListSchema>;

export const EMPTY_PICK_LIST: PickList = Object.freeze({ startedAt: 0, entries: [] }) as PickList;

export function pickListExpiresAt(list: PickList): number | null {
  return list.entries.length > 0 ? list.startedAt + PICK_LIFETIME_MS : null;
}

/** The stored list as it stands now: the reader pages give useStoredItem. */
export function readPickList(stored: unknown): PickList {
  return livePickList(stored, Date.now());
}

/** The stored list as it stands at `now`: malformed or expired gives the empty list. */
export function livePickList(stored: unknown, now: number): PickList {
  const parsed = pickListSchema.safeParse(stored);
  if (!parsed.success || parsed.data.entries.length === 0) return EMPTY_PICK_LIST;
  const expiresAt = pickListExpiresAt(parsed.data);
  return expiresAt !== null && now >= expiresAt ? EMPTY_PICK_LIST : parsed.data;
}

export function isPicked(list: PickList, serviceId: string): boolean {
  return list.entries.some((entry) => entry.service.id === serviceId);
}

/** Adds at the end; unchanged when already there or full. The first pick starts the clock. */
export function addPick(list: PickList, entry: { service: Service; organisation: Organisation }, now: number): PickList {
  if (isPicked(list, entry.service.id) || list.entries.length >= PICK_LIMIT) return list;
  return {
    startedAt: list.entries.length === 0 ? now : list.startedAt,
    entries: [...list.entries, { service: entry.service, organisation: entry.organisation }],
  };
}

export function removePick(list: PickList, serviceId: string): PickList {
  const entries = list.entries.filter((entry) => entry.service.id !== serviceId);
  return entries.length === 0 ? EMPTY_PICK_LIST : { ...list, entries };
}

/** Moves a service `delta` places (−1 up, +1 down), staying inside the list. */
export function movePick(list: PickList, serviceId: string, delta: number): PickList {
  const from = list.entries.findIndex((entry) => entry.service.id === serviceId);
  if (from < 0) return list;
  const to = Math.min(Math.max(from + delta, 0), list.entries.length - 1);
  if (to === from) return list;
  const entries = [...list.entries];
  const [moved] = entries.splice(from, 1);
  entries.splice(to, 0, moved!);
  return { ...list, entries };
}
