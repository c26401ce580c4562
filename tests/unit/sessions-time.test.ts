/**
 * Info-session time: Helsinki days and DST changes (25.10.2026 back to +02:00, 28.3.2027 on to
 * +03:00), the same answers whatever the process time zone. Each zone block switches the
 * process's own zone and first proves the switch took effect, so the test cannot pass by
 * running in Helsinki (or UTC) only.
 */
import { describe, expect, it } from 'vitest';
import { inEachTimeZone } from './in-each-time-zone';
import {
  fromHelsinkiWallTime,
  helsinkiDayKey,
  helsinkiOffsetMinutes,
  nextHelsinkiMidnight,
  toHelsinkiIso,
} from '@/utils/sessions/helsinki-time';
import { badgeState } from '@/utils/sessions/badge';
import { formatSessionDay, formatTimeRange } from '@/utils/sessions/format';
import { sessionsByDay, sessionsOn, sessionState } from '@/utils/sessions/sessions-on';
import { catalogueWith, session } from './sessions-fixtures';

const MYYRMAKI = 'myyrmaki-terveysasema';
const TIKKURILA = 'tikkurila-terveysasema';
const at = (iso: string) => new Date(iso);

inEachTimeZone(() => {
  it('knows Helsinki is +03:00 in summer and +02:00 in winter, switching at 04:00 / 03:00', () => {
    expect(helsinkiOffsetMinutes(at('2026-10-25T00:59:00Z'))).toBe(180); // 03:59 summer time
    expect(helsinkiOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(120); // back to 03:00
    expect(helsinkiOffsetMinutes(at('2027-03-28T00:59:00Z'))).toBe(120); // 02:59 winter time
    expect(helsinkiOffsetMinutes(at('2027-03-28T01:00:00Z'))).toBe(180); // on to 04:00
  });

  it('turns the booking sheet wall times into the right instants on and around both DST days', () => {
    const wall = (year: number, month: number, day: number, hour: number) => toHelsinkiIso(fromHelsinkiWallTime({ year, month, day, hour, minute: 0 }));
    expect(wall(2026, 10, 24, 13)).toBe('2026-10-24T13:00:00+03:00');
    expect(wall(2026, 10, 25, 13)).toBe('2026-10-25T13:00:00+02:00');
    expect(fromHelsinkiWallTime({ year: 2026, month: 10, day: 25, hour: 13, minute: 0 }).toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(wall(2027, 3, 27, 13)).toBe('2027-03-27T13:00:00+02:00');
    expect(wall(2027, 3, 28, 13)).toBe('2027-03-28T13:00:00+03:00');
    expect(fromHelsinkiWallTime({ year: 2027, month: 3, day: 28, hour: 13, minute: 0 }).toISOString()).toBe('2027-03-28T10:00:00.000Z');
  });

  it('counts Helsinki days, 25 hours long in October and 23 in March', () => {
    expect(helsinkiDayKey(at('2026-10-24T21:30:00Z'))).toBe('2026-10-25'); // 00:30 in Helsinki
    expect(nextHelsinkiMidnight(at('2026-10-24T21:30:00Z')).toISOString()).toBe('2026-10-25T22:00:00.000Z');
    expect(nextHelsinkiMidnight(at('2026-10-24T20:59:00Z')).toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(nextHelsinkiMidnight(at('2027-03-28T12:00:00Z')).toISOString()).toBe('2027-03-28T21:00:00.000Z');
    expect(nextHelsinkiMidnight(at('2027-03-27T12:00:00Z')).toISOString()).toBe('2027-03-27T22:00:00.000Z');
    expect(nextHelsinkiMidnight(at('2026-12-31T22:30:00Z')).toISOString()).toBe('2027-01-01T22:00:00.000Z');
  });

  it('writes session times in Helsinki time, the way each language does', () => {
    expect(formatTimeRange('2026-10-25T13:00:00+02:00', '2026-10-25T14:30:00+02:00', 'fi')).toBe('13–14.30');
    expect(formatTimeRange('2026-10-24T13:00:00+03:00', '2026-10-24T14:00:00+03:00', 'sv')).toBe('13–14');
    expect(formatTimeRange('2027-03-28T10:00:00Z', '2027-03-28T11:00:00Z', 'en')).toBe('13:00–14:00');
    expect(formatSessionDay('2026-10-25', 'fi')).toBe('sunnuntaina 25.10.');
  });

  describe('on the day clocks go back (Sunday 25.10.2026)', () => {
    const home = session('home', MYYRMAKI, '2026-10-25T13:00:00+02:00', '2026-10-25T14:00:00+02:00');
    const other = session('other', TIKKURILA, '2026-10-25T10:00:00+02:00', '2026-10-25T11:00:00+02:00');
    const yesterday = session('yesterday', MYYRMAKI, '2026-10-24T13:00:00+03:00', '2026-10-24T14:00:00+03:00');
    const catalogue = catalogueWith(home, other, yesterday);
    const ids = (views: Array<{ session: { id: string } }>) => views.map((view) => view.session.id);

    it('just after midnight in Helsinki (still the 24th in UTC and in the Americas) it is later today', () => {
      const today = sessionsOn(at('2026-10-24T21:30:00Z'), [MYYRMAKI], catalogue);
      expect(ids(today.home)).toEqual(['home']);
      expect(today.home[0]!.state).toBe('later');
      expect(ids(today.elsewhere)).toEqual(['other']);
    });

    it('at 12:59 it is later, at 13:00 and 13:59 it is on, at 14:00 it is gone', () => {
      expect(sessionsOn(at('2026-10-25T10:59:00Z'), [MYYRMAKI], catalogue).home[0]!.state).toBe('later');
      expect(sessionsOn(at('2026-10-25T11:00:00Z'), [MYYRMAKI], catalogue).home[0]!.state).toBe('on');
      expect(sessionsOn(at('2026-10-25T11:59:00Z'), [MYYRMAKI], catalogue).home[0]!.state).toBe('on');
      expect(sessionsOn(at('2026-10-25T12:00:00Z'), [MYYRMAKI], catalogue).home).toEqual([]);
    });

    it('at 13:30 summer time, an hour early by the old clock, nothing is on yet', () => {
      // 10:30Z: 12:30 in Helsinki on the 25th. A hand-coded +03:00 would call this 13:30: "on".
      expect(sessionsOn(at('2026-10-25T10:30:00Z'), [MYYRMAKI], catalogue).home[0]!.state).toBe('later');
    });

    it('the badge counts her session until it ends, then waits for midnight', () => {
      const morning = badgeState(at('2026-10-25T06:00:00Z'), [MYYRMAKI], catalogue);
      expect(morning).toMatchObject({ text: '1', on: false });
      expect(morning.nextUpdate.toISOString()).toBe('2026-10-25T11:00:00.000Z');
      const during = badgeState(at('2026-10-25T11:00:00Z'), [MYYRMAKI], catalogue);
      expect(during).toMatchObject({ text: '1', on: true });
      expect(during.nextUpdate.toISOString()).toBe('2026-10-25T12:00:00.000Z');
      const after = badgeState(at('2026-10-25T12:00:00Z'), [MYYRMAKI], catalogue);
      expect(after).toMatchObject({ text: '', on: false });
      expect(after.nextUpdate.toISOString()).toBe('2026-10-25T22:00:00.000Z');
    });
  });

  describe('on the day clocks go forward (Sunday 28.3.2027)', () => {
    const home = session('home', TIKKURILA, '2027-03-28T13:00:00+03:00', '2027-03-28T14:00:00+03:00');
    const catalogue = catalogueWith(home);

    it('is on from 10:00 to 11:00 UTC, not an hour later', () => {
      expect(sessionsOn(at('2027-03-28T10:15:00Z'), [TIKKURILA], catalogue).home[0]!.state).toBe('on');
      expect(sessionsOn(at('2027-03-28T11:15:00Z'), [TIKKURILA], catalogue).home).toEqual([]);
    });

    it('at 00:30 Helsinki (22:30 UTC the day before) it belongs to today', () => {
      expect(sessionsOn(at('2027-03-27T22:30:00Z'), [TIKKURILA], catalogue).home.map((view) => view.state)).toEqual(['later']);
      expect(sessionsOn(at('2027-03-27T21:30:00Z'), [TIKKURILA], catalogue).home).toEqual([]); // 23:30 on the 27th
    });
  });
});

describe('which sessions the banner shows', () => {
  const now = at('2026-11-26T11:15:00Z'); // Thursday 26.11.2026 13.15 in Helsinki
  const catalogue = catalogueWith(
    session('myyrmaki', MYYRMAKI, '2026-11-26T13:00:00+02:00', '2026-11-26T14:00:00+02:00'),
    session('myyrmaki-later', MYYRMAKI, '2026-11-26T15:00:00+02:00', '2026-11-26T16:00:00+02:00', { cancelled: true }),
    session('korso-over', 'korso-terveysasema', '2026-11-26T10:00:00+02:00', '2026-11-26T11:00:00+02:00'),
    session('peijas', 'peijas-olka', '2026-11-26T12:00:00+02:00', '2026-11-26T13:30:00+02:00'),
    session('teams', 'teams-ammattilaiset', '2026-11-26T14:00:00+02:00', '2026-11-26T14:30:00+02:00', {
      audience: 'professionals',
      online: { url: 'https://teams.microsoft.com/l/meetup-join/example' },
    }),
    session('next-week', MYYRMAKI, '2026-12-03T13:00:00+02:00', '2026-12-03T14:00:00+02:00'),
  );
  const ids = (views: Array<{ session: { id: string } }>) => views.map((view) => view.session.id);

  it('splits today into her sites, the other sites and staff infos, ended sessions gone', () => {
    const today = sessionsOn(now, [MYYRMAKI], catalogue);
    expect(ids(today.home)).toEqual(['myyrmaki', 'myyrmaki-later']);
    expect(today.home.map((view) => view.state)).toEqual(['on', 'later']);
    expect(ids(today.elsewhere)).toEqual(['peijas']);
    expect(ids(today.staff)).toEqual(['teams']);
    expect(today.home[0]!.organisations.map((organisation) => organisation.id)).toEqual(['mieli-ry', 'polli-paakaupunkiseudun-omaishoitajat']);
    expect(today.home[0]!.site?.name).toBe('Myyrmäen terveysasema');
  });

  it('with no site chosen every residents session is "elsewhere"', () => {
    const today = sessionsOn(now, [], catalogue);
    expect(today.home).toEqual([]);
    expect(ids(today.elsewhere)).toEqual(['peijas', 'myyrmaki', 'myyrmaki-later']); // by start time
  });

  it('does not count a cancelled session on the badge', () => {
    expect(badgeState(at('2026-11-26T12:30:00Z'), [MYYRMAKI], catalogue).text).toBe('');
  });

  it('groups the coming week by Helsinki day, her sites first within a day', () => {
    const week = sessionsByDay(now, [MYYRMAKI], catalogue);
    expect(week.map((group) => group.day)).toEqual(['2026-11-26']); // 3.12 is the eighth day
    expect(ids(week[0]!.sessions)).toEqual(['myyrmaki', 'myyrmaki-later', 'peijas', 'teams']);
    expect(sessionsByDay(now, [MYYRMAKI], catalogue, 8).map((group) => group.day)).toEqual(['2026-11-26', '2026-12-03']);
  });

  it('treats the start minute as on and the end minute as over', () => {
    const slot = { start: '2026-11-26T13:00:00+02:00', end: '2026-11-26T14:00:00+02:00' };
    expect(sessionState(slot, at('2026-11-26T10:59:59Z'))).toBe('later');
    expect(sessionState(slot, at('2026-11-26T11:00:00Z'))).toBe('on');
    expect(sessionState(slot, at('2026-11-26T12:00:00Z'))).toBe('over');
  });
});
