/** First start: the catalogue bundled with the extension (data/catalogue.json, embedded in the build) becomes the records. */
import { formatIssues, parseCatalogue } from '@jarjestoopas/utils/catalogue/load';
import bundled from '../../data/catalogue.json';
import type { Db } from './db/db';
import * as store from './store';
import { UsageError } from './usage-error';

/** Imports `catalogue` into an empty database; returns whether it did. */
export async function importBundledIfEmpty(db: Db, catalogue: unknown = bundled): Promise<boolean> {
  if (!(await store.isCatalogueEmpty(db))) return false;
  const parsed = parseCatalogue(catalogue);
  if (!parsed.success) throw new UsageError(`the bundled catalogue is not valid:\n${formatIssues(parsed.data, parsed.issues).join('\n')}`);
  await store.importCatalogue(db, parsed.catalogue, 'import');
  return true;
}
