import { createContext, useContext } from 'react';
import type { SearchIndex } from '@/utils/search/search-index';

/**
 * The header of the catalogue in use (region, revision, publication date, maintainer): the
 * bundled one or the synced feed's, as the popup chose it once. Cards read it from here
 * instead of each reading storage again.
 */
export const CatalogueFactsContext = createContext<SearchIndex['catalogue'] | null>(null);

export function useCatalogueFacts(): SearchIndex['catalogue'] | null {
  return useContext(CatalogueFactsContext);
}
