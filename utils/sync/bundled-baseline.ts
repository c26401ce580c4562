import { z } from 'zod';
import bundledCatalogue from '../../data/catalogue.json';
import type { CurrentCatalogue } from './accept-feed';

/**
 * Region and revision of the catalogue shipped in this build: no feed may go below it. Read
 * without building a search index (the background never searches).
 */
export function bundledBaseline(): CurrentCatalogue {
  return z.object({ region: z.string(), revision: z.int().nonnegative() }).parse(bundledCatalogue);
}
