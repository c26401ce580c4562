import { loadBundledCatalogue } from '../catalogue/bundled';
import type { Catalogue } from '../catalogue/schema';

/**
 * The bundled catalogue's sites and sessions (with the organisations they name), read from the
 * packed catalogue the popup opens too, for the pages that need no search (background badge,
 * options page). `undefined` if it does not load: the popup shows that error; here sessions are
 * simply left out.
 */
export async function bundledSessionCatalogue(): Promise<Pick<Catalogue, 'sites' | 'infoSessions' | 'organisations' | 'services'> | undefined> {
  const state = await loadBundledCatalogue();
  return state.status === 'ready' ? state.index.sessions : undefined;
}
