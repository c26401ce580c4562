import { loadBundledCatalogue } from '../catalogue/bundled';
import type { Catalogue } from '../catalogue/schema';
import { activeCatalogueFrom } from '../sync/active-catalogue';
import { feedCatalogueItem } from '../sync/storage';

type SessionCatalogue = Pick<Catalogue, 'sites' | 'infoSessions' | 'organisations' | 'services'>;

/**
 * The sites and sessions in use, for the pages that need no search (background badge, options
 * page): those of the synced feed catalogue when one newer than the bundled is stored (the
 * wellbeing area publishes its booking sheet that way), else the bundled packed catalogue's.
 * `undefined` if neither loads: the popup shows that error; here sessions are simply left out.
 */
export async function bundledSessionCatalogue(): Promise<SessionCatalogue | undefined> {
  const state = await loadBundledCatalogue();
  if (state.status !== 'ready') return undefined;
  const active = activeCatalogueFrom(state.index.catalogue, await feedCatalogueItem.getValue().catch(() => null));
  return active.source === 'feed' ? (active.catalogue as Catalogue) : state.index.sessions;
}
