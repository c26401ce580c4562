import type { Catalogue } from '../catalogue/schema';
import { nextHelsinkiMidnight } from './helsinki-time';
import { sessionsOn } from './sessions-on';

/**
 * The toolbar badge on days with an info session at the nurse's own site, and the next
 * instant it can change (local midnight, a session's start or end), for one alarm: no polling.
 */
export interface BadgeState {
  /** The number of today's sessions at her site still to come or on now; '' for none. */
  text: string;
  /** A session is on right now: the badge takes the stronger colour. */
  on: boolean;
  /** When to look again. */
  nextUpdate: Date;
}

type SessionCatalogue = Pick<Catalogue, 'infoSessions' | 'sites' | 'organisations'>;

export function badgeState(now: Date, homeSites: readonly string[], catalogue: SessionCatalogue): BadgeState {
  const held = sessionsOn(now, homeSites, catalogue).home.filter((view) => !view.session.cancelled);
  const changes = held
    .flatMap((view) => [Date.parse(view.session.start), Date.parse(view.session.end)])
    .filter((time) => time > now.getTime());
  const nextUpdate = new Date(Math.min(nextHelsinkiMidnight(now).getTime(), ...changes));
  return {
    text: held.length > 0 ? String(held.length) : '',
    on: held.some((view) => view.state === 'on'),
    nextUpdate,
  };
}
