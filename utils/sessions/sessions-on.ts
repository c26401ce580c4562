import type { Catalogue, InfoSession, Organisation, Site } from '../catalogue/schema';
import { helsinkiDayKey, helsinkiDayKeyPlus } from './helsinki-time';

/**
 * Which info sessions matter to the nurse right now. Pure: the clock is the `now` argument
 * and days are Helsinki days whatever the computer's own time zone.
 */
export type SessionState = 'later' | 'on' | 'over';

export interface SessionView {
  session: InfoSession;
  site: Site | undefined;
  /** In the order the booking sheet lists them; unknown ids are left out. */
  organisations: Organisation[];
  state: SessionState;
  /** At one of the nurse's own sites. */
  atHome: boolean;
}

export interface TodaysSessions {
  /** For residents at her own site(s): the banner. */
  home: SessionView[];
  /** For residents at the other sites: one click away. */
  elsewhere: SessionView[];
  /** Staff infos (online, for professionals): shown to every nurse on their day. */
  staff: SessionView[];
}

export type SessionCatalogue = Pick<Catalogue, 'infoSessions' | 'sites' | 'organisations'>;

/** On from the first minute to the last: start inclusive, end exclusive. */
export function sessionState(session: Pick<InfoSession, 'start' | 'end'>, now: Date): SessionState {
  const time = now.getTime();
  if (time < Date.parse(session.start)) return 'later';
  return time < Date.parse(session.end) ? 'on' : 'over';
}

function byStart(a: SessionView, b: SessionView): number {
  return Date.parse(a.session.start) - Date.parse(b.session.start) || (a.site?.name ?? '').localeCompare(b.site?.name ?? '', 'fi');
}

function viewsOf(catalogue: SessionCatalogue, now: Date, homeSites: readonly string[]): SessionView[] {
  const sites = new Map(catalogue.sites.map((site) => [site.id, site]));
  const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
  const home = new Set(homeSites);
  return catalogue.infoSessions.map((session) => ({
    session,
    site: sites.get(session.siteId),
    organisations: session.organisationIds.flatMap((id) => organisations.get(id) ?? []),
    state: sessionState(session, now),
    atHome: home.has(session.siteId),
  }));
}

/** Today's sessions that are on or still to come, her own sites first in their own list. */
export function sessionsOn(now: Date, homeSites: readonly string[], catalogue: SessionCatalogue): TodaysSessions {
  const today = helsinkiDayKey(now);
  const todays = viewsOf(catalogue, now, homeSites)
    .filter((view) => view.state !== 'over' && helsinkiDayKey(new Date(view.session.start)) === today)
    .sort(byStart);
  const forStaff = (view: SessionView) => view.session.audience === 'professionals';
  return {
    home: todays.filter((view) => !forStaff(view) && view.atHome),
    elsewhere: todays.filter((view) => !forStaff(view) && !view.atHome),
    staff: todays.filter(forStaff),
  };
}

export interface SessionDay {
  /** Helsinki calendar day, `2026-11-26`. */
  day: string;
  sessions: SessionView[];
}

/**
 * The coming `days` Helsinki days (today first) with their sessions not yet over, grouped by
 * day; within a day her own sites come first, then by time.
 */
export function sessionsByDay(now: Date, homeSites: readonly string[], catalogue: SessionCatalogue, days = 7): SessionDay[] {
  const wanted = Array.from({ length: days }, (_, offset) => helsinkiDayKeyPlus(now, offset));
  const groups = new Map<string, SessionView[]>(wanted.map((day) => [day, []]));
  for (const view of viewsOf(catalogue, now, homeSites)) {
    if (view.state === 'over') continue;
    groups.get(helsinkiDayKey(new Date(view.session.start)))?.push(view);
  }
  return wanted
    .map((day) => ({
      day,
      sessions: groups.get(day)!.sort((a, b) => Number(b.atHome) - Number(a.atHome) || byStart(a, b)),
    }))
    .filter((group) => group.sessions.length > 0);
}
