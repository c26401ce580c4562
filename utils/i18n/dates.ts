/**
 * Dates as people in Finland write them, whatever the computer's own locale and time zone:
 * 23.11.2026 in Finnish and Finland-Swedish, 23/11/2026 in English, always Helsinki's day.
 */
import type { UiLanguage } from './language';

const DATE_LOCALES: Record<UiLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
export const HELSINKI = 'Europe/Helsinki';

export function formatDay(date: Date, language: UiLanguage): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: HELSINKI,
  }).format(date);
}

/** A calendar date (`2026-11-30`) as written in the language; noon UTC is the same day in Helsinki. */
export function formatIsoDay(isoDate: string, language: UiLanguage): string {
  return formatDay(new Date(`${isoDate}T12:00:00Z`), language);
}

/** Clock time as written in the language, in Helsinki: 10.14 in Finnish and Swedish, 10:14 in English. */
export function formatClock(date: Date, language: UiLanguage): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], { hour: '2-digit', minute: '2-digit', timeZone: HELSINKI }).format(date);
}
