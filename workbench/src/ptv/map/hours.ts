import { WEEKDAYS, type OpeningException, type OpeningHours, type OpeningRule, type Weekday } from '@jarjestoopas/utils/catalogue/schema';
import type { PtvServiceHour } from '../client/records';
import { byLanguage, oneLine, preferred } from './texts';

const PTV_DAYS: Record<string, Weekday> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};
const MAX_EXCEPTIONS = 60;

/** "08:00:00" → "08:00"; "24:00" stays; anything else → null. */
function clock(value: string | null): string | null {
  const match = /^([01][0-9]|2[0-4]):([0-5][0-9])/u.exec(value ?? '');
  if (!match) return null;
  return match[1] === '24' ? (match[2] === '00' ? '24:00' : null) : `${match[1]}:${match[2]}`;
}
const day = (name: string | null): Weekday | undefined => PTV_DAYS[(name ?? '').toLowerCase()];
/** The days from `from` to `to` inclusive, wrapping past Sunday (Fri → Mon). */
function daysBetween(from: Weekday, to: Weekday): Weekday[] {
  const start = WEEKDAYS.indexOf(from);
  const length = ((WEEKDAYS.indexOf(to) - start + 7) % 7) + 1;
  return Array.from({ length }, (_, offset) => WEEKDAYS[(start + offset) % 7]!);
}
/** The date part of PTV's zone-less local timestamp ("2025-12-24T00:00:00" → "2025-12-24"). */
const dateOf = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}/u.test(value) ? value.slice(0, 10) : null);

type DaySpan = { day: Weekday; opens: string; closes: string };

/** One opening-hour entry as spans within single days: past midnight splits at 24:00. */
function spansOf(entry: PtvServiceHour['openingHour'][number], overMidnight: boolean): DaySpan[] {
  const first = day(entry.dayFrom);
  const opens = clock(entry.from);
  const closes = clock(entry.to);
  if (!first || !opens || !closes) return [];
  const last = day(entry.dayTo) ?? first;
  if (overMidnight) {
    // One continuous span (Fri 18:00 → Mon 06:00): the first day to midnight, whole days between, the last day from midnight.
    const days = daysBetween(first, last === first && closes <= opens ? WEEKDAYS[(WEEKDAYS.indexOf(first) + 1) % 7]! : last);
    return days.flatMap((current, index): DaySpan[] => {
      const from = index === 0 ? opens : '00:00';
      const to = index === days.length - 1 ? closes : '24:00';
      return from < to || to === '24:00' ? [{ day: current, opens: from, closes: to }] : [];
    });
  }
  // DaysOfTheWeek: each day of the range opens and closes the same day; a close before the open runs past midnight.
  return daysBetween(first, last).flatMap((current): DaySpan[] => {
    if (closes > opens || closes === '24:00') return [{ day: current, opens, closes }];
    const next = WEEKDAYS[(WEEKDAYS.indexOf(current) + 1) % 7]!;
    return [{ day: current, opens, closes: '24:00' }, ...(closes > '00:00' ? [{ day: next, opens: '00:00', closes }] : [])];
  });
}

/** Spans with the same hours become one rule listing its days, Monday first. */
function rulesOf(spans: DaySpan[]): OpeningRule[] {
  const byHours = new Map<string, Set<Weekday>>();
  for (const span of spans) {
    const key = `${span.opens}-${span.closes}`;
    byHours.set(key, (byHours.get(key) ?? new Set()).add(span.day));
  }
  return [...byHours.entries()]
    .map(([key, days]) => {
      const [opens, closes] = key.split('-') as [string, string];
      return { days: WEEKDAYS.filter((weekday) => days.has(weekday)), opens, closes };
    })
    .sort((a, b) => WEEKDAYS.indexOf(a.days[0]!) - WEEKDAYS.indexOf(b.days[0]!) || a.opens.localeCompare(b.opens));
}

/** Whether a regular-hours entry is in force on `today` (PTV's `validForNow` first, else its dates). */
function inForce(hour: PtvServiceHour, today: string): boolean {
  if (hour.validForNow !== null) return hour.validForNow;
  const from = dateOf(hour.validFrom);
  const to = dateOf(hour.validTo);
  return (!from || from <= today) && (!to || to >= today);
}

function exceptionsOf(hours: PtvServiceHour[], today: string): OpeningException[] {
  const exceptions: OpeningException[] = [];
  for (const hour of hours) {
    const from = dateOf(hour.validFrom);
    if (!from) continue;
    const to = dateOf(hour.validTo) ?? from;
    const first = hour.openingHour[0];
    const opens = clock(first?.from ?? null);
    const closes = clock(first?.to ?? null);
    const note = preferred(byLanguage(hour.additionalInformation, null));
    for (let date = from; date <= to && exceptions.length < MAX_EXCEPTIONS; date = nextDate(date)) {
      if (date < today) continue;
      const open = !hour.isClosed && opens && closes && (closes > opens || closes === '24:00');
      exceptions.push({ date, ...(open ? { opens, closes } : {}), ...(note ? { note: oneLine(note, 200).text } : {}) });
    }
  }
  return exceptions.sort((a, b) => a.date.localeCompare(b.date));
}

function nextDate(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * PTV service hours as the catalogue's hours model. `DaysOfTheWeek` (one entry per weekday,
 * `dayTo: ""`) and `OverMidnight` (one span across days) become weekly rules; `isAlwaysOpen`
 * is `always`; `isReservation` is `appointment`; `Exceptional` entries from `today` on become
 * dated exceptions; a regular entry with only words becomes `text`. Null when PTV says nothing.
 */
export function toOpeningHours(hours: readonly PtvServiceHour[], today: string): OpeningHours | undefined {
  const regular = hours.filter((hour) => hour.serviceHourType !== 'Exceptional' && inForce(hour, today) && !hour.isClosed);
  const exceptions = exceptionsOf(
    hours.filter((hour) => hour.serviceHourType === 'Exceptional'),
    today,
  );
  const worded = regular.map((hour) => byLanguage(hour.additionalInformation, null)).find((texts) => preferred(texts));
  const words = worded && preferred(worded);
  // The Swedish and English words translate the Finnish `text` (`texts`); without Finnish words the first language is `text` alone.
  const translations = worded?.fi ? Object.fromEntries((['sv', 'en'] as const).flatMap((language) => (worded[language] ? [[language, oneLine(worded[language], 200).text]] : []))) : {};
  const text = words ? { text: oneLine(words, 200).text, ...(Object.keys(translations).length > 0 ? { texts: translations } : {}) } : {};
  const base = { holidays: 'closed' as const, exceptions, ...text };
  if (regular.some((hour) => hour.isAlwaysOpen)) return { kind: 'always', rules: [], ...base, holidays: 'open' };
  const spans = regular.flatMap((hour) => hour.openingHour.flatMap((entry) => spansOf(entry, hour.serviceHourType === 'OverMidnight')));
  if (spans.length > 0) return { kind: 'weekly', rules: rulesOf(spans).slice(0, 21), ...base };
  if (regular.some((hour) => hour.isReservation)) return { kind: 'appointment', rules: [], ...base };
  if (words) return { kind: 'text', rules: [], ...base };
  return undefined;
}
