import { WEEKDAYS, type OpeningHours, type OpeningRule, type Weekday } from '../catalogue/schema';

/**
 * Reads opening hours as Finnish pages print them ("ma–pe klo 9–15", "ma–ke 9–15, to–pe 14–20",
 * "ark. klo 12–18", "24/7", "ympäri vuorokauden", "ajanvarauksella") into the structured form.
 * Whatever cannot be read whole stays as `text` (shown as printed, never read as open or
 * closed): a half-understood timetable would be worse than none. The printed words are always
 * kept in `text`, so nothing the source said is lost.
 */

const DAY_WORDS: Record<string, Weekday> = { ma: 'MO', ti: 'TU', ke: 'WE', to: 'TH', pe: 'FR', la: 'SA', su: 'SU' };
const WORKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const DASH = '[-–—]';
const DAY = '(ma|ti|ke|to|pe|la|su)';
const TIME = '([0-9]{1,2})(?:[.:]([0-9]{2}))?';
const DAYS_PART = `(?:${DAY}(?:\\s*${DASH}\\s*${DAY})?|ark\\.?|arkisin|arkipäivisin)`;
const RULE = new RegExp(`^${DAYS_PART}\\s+(?:klo\\s+)?${TIME}\\s*${DASH}\\s*${TIME}$`, 'iu');

const ALWAYS = /^(?:24\/7|24 h|ympäri vuorokauden)(?:,?\s*(?:joka päivä|kaikkina päivinä))?$/iu;
const APPOINTMENT = /^(?:vain\s+)?ajanvarauksella$/iu;

function dayRange(from: string, to: string | undefined): Weekday[] {
  const start = WEEKDAYS.indexOf(DAY_WORDS[from.toLowerCase()]!);
  const end = to ? WEEKDAYS.indexOf(DAY_WORDS[to.toLowerCase()]!) : start;
  if (end < start) return [];
  return WEEKDAYS.slice(start, end + 1);
}

const clock = (hour: string, minute: string | undefined) => `${hour.padStart(2, '0')}:${minute ?? '00'}`;

function parseRule(part: string): OpeningRule | null {
  const match = RULE.exec(part.trim());
  if (!match) return null;
  const [, from, to, openHour, openMinute, closeHour, closeMinute] = match;
  const days = from ? dayRange(from, to) : WORKDAYS;
  const opens = clock(openHour!, openMinute);
  const closes = clock(closeHour!, closeMinute);
  if (days.length === 0 || Number(openHour) > 24 || Number(closeHour) > 24 || closes <= opens) return null;
  return { days, opens, closes };
}

export function parseHoursText(printed: string): OpeningHours {
  const text = printed.trim();
  const main = text.split(/\s+[–-]\s+|;|\(/u)[0]!.trim();
  if (ALWAYS.test(main)) return { kind: 'always', rules: [], holidays: 'open', exceptions: [], ...(main === text ? {} : { text }) };
  if (APPOINTMENT.test(main)) return { kind: 'appointment', rules: [], holidays: 'closed', exceptions: [], text };
  const rules = text.split(/\s*,\s*/u).map(parseRule);
  if (rules.length > 0 && rules.every((rule): rule is OpeningRule => rule !== null)) {
    return { kind: 'weekly', rules, holidays: 'closed', exceptions: [], text };
  }
  return { kind: 'text', rules: [], holidays: 'closed', exceptions: [], text };
}
