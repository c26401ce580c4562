import { browser } from '#imports';
import { readPolicy } from '../policy/read';
import { BADGE_ALARM, createBadgeUpdater, type BadgeAction } from './badge-updater';
import { bundledSessionCatalogue as catalogue } from './bundled';
import { feedCatalogueItem } from '../sync/storage';
import { effectiveHomeSites, homeSitesItem, readHomeSitesSetting } from './home-sites';

/**
 * The info-session badge in the background: one call from entrypoints/background.ts. Listeners
 * are registered synchronously (an MV3 service worker wakes for them); the badge is refreshed
 * on install, on browser start, when she changes her site, when a feed swap changes the
 * catalogue, and at the one alarm it books.
 */
async function homeSites(): Promise<string[]> {
  const [stored, { policy }] = await Promise.all([homeSitesItem.getValue(), readPolicy()]);
  const known = (await catalogue())?.sites.map((site) => site.id) ?? [];
  return effectiveHomeSites(readHomeSitesSetting(stored), policy, known).siteIds;
}

/** Chrome MV3 has `action`; Firefox's MV2 build has only `browserAction`. */
function toolbarAction(): BadgeAction | undefined {
  const api = browser as unknown as { action?: BadgeAction; browserAction?: BadgeAction };
  return api.action ?? api.browserAction;
}

export function setupSessionsBackground(): void {
  const refresh = createBadgeUpdater({
    now: () => new Date(),
    homeSites,
    catalogue,
    action: toolbarAction(),
    scheduleAlarm: (name, when) => browser.alarms.create(name, { when }),
  });
  const refreshQuietly = () => void refresh().catch((error: unknown) => console.warn('sessions: badge not updated', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) refreshQuietly();
  });
  browser.runtime.onInstalled.addListener(refreshQuietly);
  browser.runtime.onStartup.addListener(refreshQuietly);
  homeSitesItem.watch(refreshQuietly);
  // A feed swap may bring (or cancel) today's sessions at her site: the badge follows at once.
  feedCatalogueItem.watch(refreshQuietly);
  refreshQuietly();
}
