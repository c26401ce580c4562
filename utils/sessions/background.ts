import { browser } from '#imports';
import type { BackgroundAdapters } from '../background/adapters';
import { readPolicy } from '../policy/read';
import { feedPointerItem, homeSitesItem } from '../storage';
import { BADGE_ALARM, createBadgeUpdater, type BadgeAction } from './badge-updater';
import { effectiveHomeSites, readHomeSitesSetting } from './home-sites';
import type { SessionCatalogue } from './sessions-on';

/**
 * The info-session badge in the background: one call from entrypoints/background.ts. Listeners
 * are registered synchronously (an MV3 service worker wakes for them); the badge is refreshed
 * on install, on browser start, when she changes her site, when a feed swap changes the
 * catalogue, and at the one alarm it books.
 */
async function homeSites(catalogue: () => Promise<SessionCatalogue | undefined>): Promise<string[]> {
  const [stored, { policy }] = await Promise.all([homeSitesItem.getValue(), readPolicy()]);
  const known = (await catalogue())?.sites.map((site) => site.id) ?? [];
  return effectiveHomeSites(readHomeSitesSetting(stored), policy, known).siteIds;
}

/** Chrome MV3 has `action`; Firefox's MV2 build has only `browserAction`. */
function toolbarAction(): BadgeAction | undefined {
  const api = browser as unknown as { action?: BadgeAction; browserAction?: BadgeAction };
  return api.action ?? api.browserAction;
}

export function setupSessionsBackground(adapters: BackgroundAdapters): void {
  // The sites and sessions of the catalogue in use (the synced feed's when newer: the
  // wellbeing area publishes its booking sheet that way); left out if none opens.
  const catalogue = (): Promise<SessionCatalogue | undefined> => adapters.catalogue.sessions();
  const refresh = createBadgeUpdater({
    now: () => new Date(adapters.clock.now()),
    homeSites: () => homeSites(catalogue),
    catalogue,
    action: toolbarAction(),
    scheduleAlarm: (name, when) => adapters.alarms.create(name, { when }),
  });
  const refreshQuietly = () => void refresh().catch((error: unknown) => console.warn('sessions: badge not updated', error));
  adapters.alarms.on(BADGE_ALARM, refreshQuietly);
  browser.runtime.onInstalled.addListener(refreshQuietly);
  browser.runtime.onStartup.addListener(refreshQuietly);
  homeSitesItem.watch(refreshQuietly);
  // A feed swap may bring (or cancel) today's sessions at her site: the badge follows at once.
  feedPointerItem.watch(refreshQuietly);
  refreshQuietly();
}
