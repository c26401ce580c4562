import { HELSINKI } from '../i18n/dates';

/**
 * Wall-clock time in Helsinki, computed with `Intl` so that the tz database decides the
 * offset (+02:00 in winter, +03:00 in summer) and the computer's own time zone never
 * matters. Nothing here reads the clock: callers pass `now`.
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: HELSINKI,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

export function helsinkiWallTime(date: Date): WallTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes Helsinki is ahead of UTC at this instant (120 or 180). */
export function helsinkiOffsetMinutes(date: Date): number {
  const wall = helsinkiWallTime(date);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a Helsinki wall clock shows this time. Guess with the offset of the guess,
 * then correct once: that settles both DST changes. A time skipped in spring (03:30 on the
 * last Sunday of March) resolves to the hour after, as clocks show it.
 */
export function fromHelsinkiWallTime(wall: WallTime): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let instant = naive - helsinkiOffsetMinutes(new Date(naive)) * 60_000;
  instant = naive - helsinkiOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2026-10-25`: the Helsinki calendar day of an instant, for grouping and comparing days. */
export function helsinkiDayKey(date: Date): string {
  const wall = helsinkiWallTime(date);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** ISO 8601 with Helsinki's offset at that instant: `2026-09-10T13:00:00+03:00`. */
export function toHelsinkiIso(date: Date): string {
  const wall = helsinkiWallTime(date);
  const offset = helsinkiOffsetMinutes(date);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Midnight at the start of the Helsinki day after `now` (23, 24 or 25 hours after the last). */
export function nextHelsinkiMidnight(now: Date): Date {
  const wall = helsinkiWallTime(now);
  // Date.UTC rolls day 32 into the next month; only the calendar arithmetic is used from it.
  const tomorrow = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return fromHelsinkiWallTime({
    year: tomorrow.getUTCFullYear(),
    month: tomorrow.getUTCMonth() + 1,
    day: tomorrow.getUTCDate(),
    hour: 0,
    minute: 0,
  });
}

/** The Helsinki day `count` days after the day of `now`, as a day key. */
export function helsinkiDayKeyPlus(now: Date, count: number): string {
  const wall = helsinkiWallTime(now);
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + count));
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}
