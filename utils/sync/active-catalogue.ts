import type { Catalogue } from '../catalogue/schema';
import { readStoredFeed, type StoredFeed } from './state';

/** What choosing needs of the bundled catalogue: the popup has only the packed index's header. */
export type CatalogueMeta = Pick<Catalogue, 'region' | 'revision' | 'publishedAt'>;

/** The catalogue the popup searches, with what the footer says about it. */
export interface ActiveCatalogue<Bundled extends CatalogueMeta = CatalogueMeta> {
  /** The whole feed catalogue, or what was passed in for the bundled one. */
  catalogue: Bundled | Catalogue;
  source: 'bundled' | 'feed';
  /** When this build accepted the feed catalogue; null for the bundled one. */
  acceptedAt: string | null;
}

/**
 * The stored feed catalogue when it is valid, of the same region and newer than the bundled
 * one; otherwise the bundled one (e.g. an extension update shipped a newer catalogue than the
 * last feed).
 */
export function chooseActiveCatalogue<Bundled extends CatalogueMeta>(bundled: Bundled, stored: StoredFeed | null): ActiveCatalogue<Bundled> {
  if (stored && stored.catalogue.region === bundled.region && stored.catalogue.revision > bundled.revision) {
    return { catalogue: stored.catalogue, source: 'feed', acceptedAt: stored.acceptedAt };
  }
  return { catalogue: bundled, source: 'bundled', acceptedAt: null };
}

/** Reads the stored feed catalogue (untrusted until validated) and chooses. */
export function activeCatalogueFrom<Bundled extends CatalogueMeta>(bundled: Bundled, storedValue: unknown): ActiveCatalogue<Bundled> {
  return chooseActiveCatalogue(bundled, readStoredFeed(storedValue));
}
