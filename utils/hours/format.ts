import { WEEKDAYS, type OpeningHours, type Weekday } from '../catalogue/schema';
import type { OpenState } from './open-now';

/** Opening hours in words, per language ("Auki nyt · sulkeutuu klo 15", "Suljettu · avautuu ma klo 9"). */
export type HoursLanguage = 'fi' | 'sv' | 'en';

interface HoursWords {
  days: Record<Weekday, string>;
  clock: (time: string) => string;
  openNow: (closes: string) => string;
  closedOpens: (day: string | null, opens: string) => string;
  closedTomorrow: (opens: string) => string;
  closed: string;
  always: string;
  appointment: string;
  today: string;
  closedToday: string;
}

/** 09:00 → "9", 09:30 → "9.30" (Finnish and Swedish), "9:30" in English. */
const shortClock = (separator: string) => (time: string) => {
  const hour = String(Number(time.slice(0, 2)));
  const minute = time.slice(3);
  return minute === '00' ? hour : `${hour}${separator}${minute}`;
};

export const HOURS_WORDS: Record<HoursLanguage, HoursWords> = {
  fi: {
    days: { MO: 'ma', TU: 'ti', WE: 'ke', TH: 'to', FR: 'pe', SA: 'la', SU: 'su' },
    clock: shortClock('.'),
    openNow: (closes) => `Auki nyt · sulkeutuu klo ${closes}`,
    closedOpens: (day, opens) => `Suljettu · avautuu ${day ? `${day} ` : ''}klo ${opens}`,
    closedTomorrow: (opens) => `Suljettu · avautuu huomenna klo ${opens}`,
    closed: 'Suljettu',
    always: 'Päivystys 24 h',
    appointment: 'Ajanvarauksella',
    today: 'tänään',
    closedToday: 'tänään suljettu',
  },
  sv: {
    days: { MO: 'mån', TU: 'tis', WE: 'ons', TH: 'tors', FR: 'fre', SA: 'lör', SU: 'sön' },
    clock: shortClock('.'),
    openNow: (closes) => `Öppet nu · stänger kl. ${closes}`,
    closedOpens: (day, opens) => `Stängt · öppnar ${day ? `${day} ` : ''}kl. ${opens}`,
    closedTomorrow: (opens) => `Stängt · öppnar i morgon kl. ${opens}`,
    closed: 'Stängt',
    always: 'Jour dygnet runt',
    appointment: 'Med tidsbokning',
    today: 'i dag',
    closedToday: 'i dag stängt',
  },
  en: {
    days: { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' },
    clock: shortClock(':'),
    openNow: (closes) => `Open now · closes at ${closes}`,
    closedOpens: (day, opens) => `Closed · opens ${day ? `${day} ` : ''}at ${opens}`,
    closedTomorrow: (opens) => `Closed · opens tomorrow at ${opens}`,
    closed: 'Closed',
    always: 'Open 24 h',
    appointment: 'By appointment',
    today: 'today',
    closedToday: 'closed today',
  },
};

/** The status line, or null when nothing can be said (hours unknown or only as text). */
export function formatOpenState(state: OpenState, language: HoursLanguage): string | null {
  const words = HOURS_WORDS[language];
  switch (state.kind) {
    case 'always':
      return words.always;
    case 'appointment':
      return words.appointment;
    case 'unknown':
      return null;
    case 'open':
      return words.openNow(words.clock(state.closes));
    case 'closed': {
      if (!state.next) return words.closed;
      const opens = words.clock(state.next.opens);
      if (state.next.daysAhead === 0) return words.closedOpens(null, opens);
      if (state.next.daysAhead === 1) return words.closedTomorrow(opens);
      return words.closedOpens(words.days[state.next.weekday], opens);
    }
  }
}

/** Weekly rules in words: "ma–pe 9–15, la 10–14". Consecutive days with the same hours are joined. */
export function formatRules(hours: OpeningHours, language: HoursLanguage): string {
  const words = HOURS_WORDS[language];
  const parts: string[] = [];
  for (const rule of hours.rules) {
    const indexes = rule.days.map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const index of indexes) {
      const last = runs.at(-1);
      if (last && index === last[1] + 1) last[1] = index;
      else runs.push([index, index]);
    }
    const days = runs
      .map(([from, to]) => (from === to ? words.days[WEEKDAYS[from]!] : `${words.days[WEEKDAYS[from]!]}–${words.days[WEEKDAYS[to]!]}`))
      .join(', ');
    parts.push(`${days} ${words.clock(rule.opens)}–${words.clock(rule.closes)}`);
  }
  return parts.join(', ');
}

/**
 * The hours as a person should read them: the source's own words in Finnish (they may say more
 * than the rules), generated words in Swedish and English (or the source's own, for hours only
 * words can say); "24/7" for round-the-clock lines.
 */
export function formatHours(hours: OpeningHours, language: HoursLanguage): string {
  if (language === 'fi' && hours.text) return hours.text;
  if (hours.kind === 'always') return '24/7';
  if (hours.kind === 'weekly') return formatRules(hours, language);
  if (hours.kind === 'appointment') return HOURS_WORDS[language].appointment;
  // The source's own words: its Swedish/English version where it has one, else the Finnish
  // (the caller marks it, see hoursInFinnish in utils/i18n/service-texts.ts).
  return (language !== 'fi' && hours.texts?.[language]) || hours.text || '';
}
