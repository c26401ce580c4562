import bundledCatalogue from '../../data/catalogue.json';
import { parseCatalogue } from '../catalogue/load';
import type { Catalogue } from '../catalogue/schema';

let parsed: Catalogue | null | undefined;

/**
 * The bundled catalogue, validated once, for the pages that need its sites and sessions but
 * not the search index (background badge, options page). `undefined` if it does not validate:
 * the popup shows that error; here sessions are simply left out.
 */
export function bundledSessionCatalogue(): Catalogue | undefined {
  if (parsed === undefined) {
    const result = parseCatalogue(bundledCatalogue);
    parsed = result.success ? result.catalogue : null;
  }
  return parsed ?? undefined;
}
