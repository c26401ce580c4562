/** Sync test helpers over WXT's fake browser (vitest only; tests/e2e use sync-fixtures.ts). */
import { createBrowserAdapters } from '@/utils/background/adapters';
import { chooseCatalogue, readFeedPointer, type CatalogueHeader, type CatalogueInUse } from '@/utils/catalogue/in-use';
import { openChosen } from '@/utils/catalogue/open';
import { rankServices, searchServices } from '@/utils/search/search';
import { feedPointerItem } from '@/utils/storage';
import { bundledCatalogue, bundledIndex } from './helpers';

/** The header of the bundled catalogue (what the build writes to catalogue/header.json). */
export function bundledHeader(): CatalogueHeader {
  const { region, revision, publishedAt, maintainer } = bundledCatalogue();
  return { region, revision, publishedAt, maintainer };
}

/** The background's adapters over the fake browser, with the bundled header read from data/. */
export function testAdapters(overrides: Parameters<typeof createBrowserAdapters>[0] = {}) {
  return createBrowserAdapters({ ...overrides, catalogue: { bundledHeader: async () => bundledHeader(), ...overrides.catalogue } });
}

/** Which catalogue the popup would use now (the same rule, over the fake browser's storage). */
export async function catalogueInUse(): Promise<CatalogueInUse> {
  return chooseCatalogue(bundledHeader(), readFeedPointer(await feedPointerItem.getValue()));
}

/** Searches the catalogue the popup would use now, opened from storage as the popup opens it. */
export async function searchInUse(...queries: string[]): Promise<string[][]> {
  const inUse = await catalogueInUse();
  let index = bundledIndex();
  if (inUse.source === 'feed') {
    const state = await openChosen(inUse);
    if (state.status !== 'ready') throw new Error(state.problems.join('; '));
    index = state.index;
  }
  return Promise.all(
    queries.map(async (query) => {
      await index.records.load(rankServices(index, query, { limit: 5 }).map((hit) => hit.position));
      return searchServices(index, query, { limit: 5 }).map((result) => result.service.name);
    }),
  );
}

