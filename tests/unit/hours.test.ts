import { describe, expect, it } from 'vitest';
import { inEachTimeZone } from './in-each-time-zone';
import type { OpeningHours } from '@/utils/catalogue/schema';
import { formatHours, formatOpenState } from '@/utils/hours/format';
import { finnishHolidays } from '@/utils/hours/generate-holidays';
import { FINNISH_HOLIDAYS } from '@/utils/hours/holidays-fi';
import { openState } from '@/utils/hours/open-now';
import { parseHoursText } from '@/utils/hours/parse';

/**
 * Opening hours and "auki nyt": always Helsinki wall time with Finnish public holidays, whatever
 * the computer's own time zone (five zones, as the session tests do), with an injected clock.
 */
const at = (iso: string) => new Date(iso);
const status = (hours: OpeningHours, iso: string, language: 'fi' | 'sv' | 'en' = 'fi') => formatOpenState(openState(hours, at(iso)), language);
const OFFICE = parseHoursText('ma–pe klo 9–15');
const CHAT = parseHoursText('ma–ke 9–15, to–pe 14–20');
const CRISIS_LINE = parseHoursText('24/7');
const NIGHT: OpeningHours = {
  kind: 'weekly',
  rules: [
    { days: ['FR'], opens: '20:00', closes: '24:00' },
    { days: ['SA'], opens: '00:00', closes: '02:00' },
  ],
  holidays: 'open',
  exceptions: [],
};

inEachTimeZone(() => {
  it('says open until closing, and when it opens next (weekday names, tomorrow, later today)', () => {
    // Thursday 3.12.2026, Helsinki is +02:00.
    expect(status(OFFICE, '2026-12-03T08:00:00Z')).toBe('Auki nyt · sulkeutuu klo 15');
    expect(status(OFFICE, '2026-12-03T06:30:00Z')).toBe('Suljettu · avautuu klo 9');
    expect(status(OFFICE, '2026-12-03T14:00:00Z')).toBe('Suljettu · avautuu huomenna klo 9');
    // Friday evening: Saturday and Sunday closed (Sunday 6.12. is Independence Day as well).
    expect(status(OFFICE, '2026-12-04T14:00:00Z')).toBe('Suljettu · avautuu ma klo 9');
    expect(status(OFFICE, '2026-12-04T14:00:00Z', 'sv')).toBe('Stängt · öppnar mån kl. 9');
    expect(status(OFFICE, '2026-12-04T14:00:00Z', 'en')).toBe('Closed · opens Mon at 9');
    expect(status(CHAT, '2026-12-03T11:59:00Z')).toBe('Suljettu · avautuu klo 14');
    expect(status(CHAT, '2026-12-03T12:00:00Z')).toBe('Auki nyt · sulkeutuu klo 20');
    expect(status(CHAT, '2026-12-02T13:00:00Z')).toBe('Suljettu · avautuu huomenna klo 14');
  });

  it('keeps Finnish public holidays closed: Christmas Eve to Boxing Day, Independence Day on a Monday, Good Friday', () => {
    expect(status(OFFICE, '2026-12-23T14:00:00Z')).toBe('Suljettu · avautuu ma klo 9'); // Wed → Mon 28.12.
    expect(status(OFFICE, '2026-12-24T08:00:00Z')).toBe('Suljettu · avautuu ma klo 9');
    expect(status(OFFICE, '2027-12-03T14:00:00Z')).toBe('Suljettu · avautuu ti klo 9'); // Mon 6.12.2027
    expect(status(OFFICE, '2027-03-26T08:00:00Z')).toBe('Suljettu · avautuu ti klo 9'); // Good Friday → Easter Monday too
  });

  it('follows Helsinki across both DST changes', () => {
    // Summer (+03:00): Friday 23.10.2026 08:59 closed, 09:00 open.
    expect(status(OFFICE, '2026-10-23T05:59:00Z')).toBe('Suljettu · avautuu klo 9');
    expect(status(OFFICE, '2026-10-23T06:00:00Z')).toBe('Auki nyt · sulkeutuu klo 15');
    // Winter again (+02:00) from Sunday 25.10.: Monday 26.10. 09:00 is 07:00 UTC.
    expect(status(OFFICE, '2026-10-26T06:59:00Z')).toBe('Suljettu · avautuu klo 9');
    expect(status(OFFICE, '2026-10-26T07:00:00Z')).toBe('Auki nyt · sulkeutuu klo 15');
    // Spring forward on Sunday 28.3.2027 (Easter Day; Monday 29.3. is Easter Monday):
    // Tuesday 30.3. 09:00 is 06:00 UTC.
    expect(status(OFFICE, '2027-03-29T05:59:00Z')).toBe('Suljettu · avautuu huomenna klo 9');
    expect(status(OFFICE, '2027-03-30T05:59:00Z')).toBe('Suljettu · avautuu klo 9');
    expect(status(OFFICE, '2027-03-30T06:00:00Z')).toBe('Auki nyt · sulkeutuu klo 15');
  });

  it('carries an overnight opening past midnight', () => {
    expect(status(NIGHT, '2026-12-04T21:30:00Z')).toBe('Auki nyt · sulkeutuu klo 2'); // Fri 23.30
    expect(status(NIGHT, '2026-12-04T23:59:00Z')).toBe('Auki nyt · sulkeutuu klo 2'); // Sat 01.59
    expect(status(NIGHT, '2026-12-05T00:00:00Z')).toBe('Suljettu · avautuu pe klo 20'); // Sat 02.00
  });

  it('says "Päivystys 24 h" for round-the-clock lines, holidays included', () => {
    expect(status(CRISIS_LINE, '2026-12-24T21:00:00Z')).toBe('Päivystys 24 h');
    expect(status(CRISIS_LINE, '2026-10-25T01:30:00Z')).toBe('Päivystys 24 h');
    expect(status(CRISIS_LINE, '2026-10-25T01:30:00Z', 'sv')).toBe('Jour dygnet runt');
  });
});

describe('hours as the sources print them', () => {
  it.each([
    ['24/7', { kind: 'always' }],
    ['ympäri vuorokauden, joka päivä', { kind: 'always' }],
    ['24/7 – henkilökunta paikalla ympäri vuorokauden; voi tulla suoraan tai soittaa ensin', { kind: 'always', text: '24/7 – henkilökunta paikalla ympäri vuorokauden; voi tulla suoraan tai soittaa ensin' }],
    ['ma–pe klo 8–16', { kind: 'weekly', rules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '08:00', closes: '16:00' }] }],
    ['ark. klo 12–18', { kind: 'weekly', rules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '12:00', closes: '18:00' }] }],
    ['pe klo 9–13', { kind: 'weekly', rules: [{ days: ['FR'], opens: '09:00', closes: '13:00' }] }],
    ['ajanvarauksella', { kind: 'appointment' }],
    ['20 tuntia viikossa (IS 3/2022; kellonajat eivät näkyneet)', { kind: 'text', text: '20 tuntia viikossa (IS 3/2022; kellonajat eivät näkyneet)' }],
    ['talvikaudella (tarkkoja aikoja ei nähty)', { kind: 'text' }],
  ])('"%s"', (printed, expected) => {
    expect(parseHoursText(printed)).toMatchObject(expected);
  });

  it('never claims open or closed from words it cannot read', () => {
    expect(openState(parseHoursText('arkipäivisin neljä tuntia'), at('2026-12-03T10:00:00Z'))).toEqual({ kind: 'unknown' });
    expect(status(parseHoursText('ajanvarauksella'), '2026-12-03T10:00:00Z')).toBe('Ajanvarauksella');
  });

  it('writes the source words in Finnish and its own words in Swedish and English', () => {
    expect(formatHours(CHAT, 'fi')).toBe('ma–ke 9–15, to–pe 14–20');
    expect(formatHours(CHAT, 'sv')).toBe('mån–ons 9–15, tors–fre 14–20');
    expect(formatHours(CHAT, 'en')).toBe('Mon–Wed 9–15, Thu–Fri 14–20');
  });

  it('uses an exception day over the weekly rule', () => {
    const closedThursday: OpeningHours = { ...OFFICE, exceptions: [{ date: '2026-12-03' }] };
    expect(status(closedThursday, '2026-12-03T08:00:00Z')).toBe('Suljettu · avautuu huomenna klo 9');
  });
});

describe('the holiday table', () => {
  it('is exactly what the date-holidays library computes (regenerate with `npm run catalogue -- holiday-data`)', () => {
    expect([...FINNISH_HOLIDAYS].sort()).toEqual(Object.keys(finnishHolidays()).sort());
  });

  it('holds the days that matter', () => {
    expect([...FINNISH_HOLIDAYS].filter((day) => day.startsWith('2026-12'))).toEqual(['2026-12-06', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31']);
    expect(finnishHolidays(2027, 2027)['2027-03-26']).toBe('pitkäperjantai');
    expect(FINNISH_HOLIDAYS.has('2027-03-26')).toBe(true);
    expect(FINNISH_HOLIDAYS.has('2026-06-19')).toBe(true); // juhannusaatto
  });
});
