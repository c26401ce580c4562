import { WEEKDAYS, type OpeningHours, type Weekday } from '../catalogue/schema';
import { helsinkiWallTime } from '../sessions/helsinki-time';
import { FINNISH_HOLIDAYS, HOLIDAY_RANGE } from './holidays-fi';

/**
 * Is it open now? Always in Helsinki wall time (the tz database decides the offset, so DST and
 * the computer's own time zone never matter) and with Finnish public holidays. Pure: the clock
 * is passed in.
 */

export interface Interval {
  opens: string;
  closes: string;
}

export type OpenState =
  /** 24/7: a crisis line, a shelter. */
  | { kind: 'always' }
  | { kind: 'open'; closes: string }
  | { kind: 'closed'; next: { daysAhead: number; weekday: Weekday; opens: string } | null }
  | { kind: 'appointment' }
  /** Hours only as free text, or none: nothing is claimed. */
  | { kind: 'unknown' };

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

export interface HelsinkiDay {
  key: string;
  weekday: Weekday;
}

function dayAt(year: number, month: number, day: number, plus: number): HelsinkiDay {
  const date = new Date(Date.UTC(year, month - 1, day + plus));
  return { key: date.toISOString().slice(0, 10), weekday: WEEKDAYS[(date.getUTCDay() + 6) % 7]! };
}

export function isFinnishHoliday(dayKey: string): boolean {
  return FINNISH_HOLIDAYS.has(dayKey);
}

/** Whether the holiday table covers this day (it is generated for a range of years). */
export function holidaysKnown(dayKey: string): boolean {
  const year = Number(dayKey.slice(0, 4));
  return year >= HOLIDAY_RANGE.from && year <= HOLIDAY_RANGE.to;
}

/** The opening intervals of one Helsinki day, exceptions and holidays applied; null = not structured. */
export function intervalsOn(hours: OpeningHours | undefined, day: HelsinkiDay): Interval[] | null {
  if (!hours || hours.kind === 'text' || hours.kind === 'appointment') return null;
  if (hours.kind === 'always') return [{ opens: '00:00', closes: '24:00' }];
  const exception = hours.exceptions.find((candidate) => candidate.date === day.key);
  if (exception) return exception.opens && exception.closes ? [{ opens: exception.opens, closes: exception.closes }] : [];
  if (hours.holidays === 'closed' && isFinnishHoliday(day.key)) return [];
  return hours.rules
    .filter((rule) => rule.days.includes(day.weekday))
    .map(({ opens, closes }) => ({ opens, closes }))
    .sort((a, b) => minutes(a.opens) - minutes(b.opens));
}

/** How far ahead to look for the next opening (a summer break may be longer: then "closed"). */
const LOOK_AHEAD_DAYS = 14;

export function openState(hours: OpeningHours | undefined, now: Date): OpenState {
  if (!hours) return { kind: 'unknown' };
  if (hours.kind === 'always' && hours.exceptions.length === 0) return { kind: 'always' };
  if (hours.kind === 'appointment') return { kind: 'appointment' };
  if (hours.kind === 'text') return { kind: 'unknown' };
  const wall = helsinkiWallTime(now);
  const current = wall.hour * 60 + wall.minute;
  const today = dayAt(wall.year, wall.month, wall.day, 0);
  if (!holidaysKnown(today.key)) return { kind: 'unknown' };
  const todays = intervalsOn(hours, today) ?? [];
  const openNow = todays.find((interval) => minutes(interval.opens) <= current && current < minutes(interval.closes));
  if (openNow) {
    // Open past midnight when tomorrow's first interval starts at 00:00 (split overnight rules).
    let closes = openNow.closes;
    if (closes === '24:00') {
      const tomorrow = intervalsOn(hours, dayAt(wall.year, wall.month, wall.day, 1)) ?? [];
      const carried = tomorrow.find((interval) => interval.opens === '00:00');
      if (carried) closes = carried.closes;
    }
    return closes === '24:00' && hours.kind === 'always' ? { kind: 'always' } : { kind: 'open', closes };
  }
  for (let ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const day = dayAt(wall.year, wall.month, wall.day, ahead);
    const next = (intervalsOn(hours, day) ?? []).find((interval) => ahead > 0 || minutes(interval.opens) > current);
    if (next) return { kind: 'closed', next: { daysAhead: ahead, weekday: day.weekday, opens: next.opens } };
  }
  return { kind: 'closed', next: null };
}

/** Today's intervals in Helsinki (for "tänään 9–15"), or null when the hours are not structured. */
export function todaysIntervals(hours: OpeningHours | undefined, now: Date): Interval[] | null {
  const wall = helsinkiWallTime(now);
  return intervalsOn(hours, dayAt(wall.year, wall.month, wall.day, 0));
}

/** Is it reachable now? For the "auki nyt" filter: open or 24/7. */
export function isOpenNow(hours: OpeningHours | undefined, now: Date): boolean {
  const state = openState(hours, now);
  return state.kind === 'open' || state.kind === 'always';
}
