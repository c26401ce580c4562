import type { SessionCatalogue } from './sessions-on';
import { badgeState } from './badge';

/**
 * Keeps the toolbar badge right: sets it now and books one alarm for the next change (local
 * midnight, a session's start or end). Dependencies are passed in so tests need no browser.
 */
export const BADGE_ALARM = 'sessions.badge';

/** The part of `browser.action` (MV3) / `browser.browserAction` (Firefox MV2) used here. */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

export interface BadgeDeps {
  now: () => Date;
  homeSites: () => Promise<string[]>;
  catalogue: () => Promise<SessionCatalogue | undefined> | SessionCatalogue | undefined;
  action: BadgeAction | undefined;
  scheduleAlarm: (name: string, when: number) => Promise<void> | void;
}

/** The popup's accent colours: dark blue while a session is on, a muted grey-blue before it. */
const COLOUR_ON = '#005a8c';
const COLOUR_LATER = '#4a5560';

export function createBadgeUpdater(deps: BadgeDeps): () => Promise<void> {
  return async () => {
    const catalogue = await deps.catalogue();
    if (!catalogue || !deps.action) return;
    const now = deps.now();
    const state = badgeState(now, await deps.homeSites(), catalogue);
    await deps.action.setBadgeText({ text: state.text });
    if (state.text) await deps.action.setBadgeBackgroundColor({ color: state.on ? COLOUR_ON : COLOUR_LATER });
    await deps.scheduleAlarm(BADGE_ALARM, state.nextUpdate.getTime());
  };
}
