import { HELSINKI } from '../i18n/dates';
import type { UiLanguage } from '../i18n/language';
import { helsinkiWallTime } from './helsinki-time';

/**
 * Session times as people in Finland write them, in Helsinki time whatever the computer's
 * zone: "13–14" and "14–14.30" in Finnish and Swedish (whole hours without minutes, as the
 * coordinator's posters do), "13:00–14:00" in English.
 */
function clock(date: Date, language: UiLanguage): string {
  const { hour, minute } = helsinkiWallTime(date);
  const mm = String(minute).padStart(2, '0');
  if (language === 'en') return `${String(hour).padStart(2, '0')}:${mm}`;
  return minute === 0 ? String(hour) : `${hour}.${mm}`;
}

export function formatTimeRange(start: string, end: string, language: UiLanguage): string {
  return `${clock(new Date(start), language)}–${clock(new Date(end), language)}`;
}

const DAY_LOCALES: Record<UiLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A day heading for the week view, e.g. "torstai 26.11." (from a `2026-11-26` day key). */
export function formatSessionDay(dayKey: string, language: UiLanguage): string {
  // Noon UTC falls on the same calendar day in Helsinki all year.
  return new Intl.DateTimeFormat(DAY_LOCALES[language], { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: HELSINKI }).format(
    new Date(`${dayKey}T12:00:00Z`),
  );
}
