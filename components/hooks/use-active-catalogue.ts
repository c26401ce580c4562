import { useEffect, useState } from 'react';
import type { CatalogueState } from '@/utils/catalogue/bundled';
import type { Catalogue } from '@/utils/catalogue/schema';
import type { SearchIndex } from '@/utils/search/search-index';
import { activeCatalogueFrom, type ActiveCatalogue, type CatalogueMeta } from '@/utils/sync/active-catalogue';
import { feedCatalogueItem } from '@/utils/sync/storage';

/** Which catalogue is in use: the bundled one as soon as it is open, then live from storage. */
export function useActiveCatalogueChoice(bundled: CatalogueMeta | null): ActiveCatalogue | null {
  const [active, setActive] = useState<ActiveCatalogue | null>(null);
  useEffect(() => {
    if (!bundled) return undefined;
    let mounted = true;
    setActive({ catalogue: bundled, source: 'bundled', acceptedAt: null });
    const choose = (stored: unknown) => mounted && setActive(activeCatalogueFrom(bundled, stored));
    feedCatalogueItem.getValue().then(choose, () => undefined);
    const unwatch = feedCatalogueItem.watch(choose);
    return () => {
      mounted = false;
      unwatch();
    };
  }, [bundled]);
  return active;
}

/**
 * The catalogue to search: the bundled one at once (offline from the first second), then the
 * stored feed catalogue when it is newer, and again whenever the background swaps it. The
 * index is rebuilt once per swap (memoised on the catalogue), never per keystroke; the packer
 * is loaded only then (utils/sync/feed-search-index.ts), and until the feed's index is ready
 * the bundled catalogue stays in use and is what the footer names.
 */
export function useActiveCatalogue(bundled: CatalogueState | null): {
  catalogue: CatalogueState | null;
  active: ActiveCatalogue | null;
} {
  const ready = bundled?.status === 'ready' ? bundled.index : null;
  const active = useActiveCatalogueChoice(ready ? ready.catalogue : null);
  const feed = active?.source === 'feed' ? (active.catalogue as Catalogue) : null;
  const [feedIndex, setFeedIndex] = useState<{ catalogue: Catalogue; index: SearchIndex } | null>(null);
  useEffect(() => {
    if (!feed || !ready) return undefined;
    let current = true;
    void import('@/utils/sync/feed-search-index').then(({ searchIndexFor }) => {
      if (current) setFeedIndex({ catalogue: feed, index: searchIndexFor(feed, ready.lexicon) });
    });
    return () => {
      current = false;
    };
  }, [feed, ready]);
  if (!bundled || !active || !ready || !feed) return { catalogue: bundled, active };
  if (feedIndex?.catalogue !== feed) return { catalogue: bundled, active: { catalogue: ready.catalogue, source: 'bundled', acceptedAt: null } };
  return { catalogue: { status: 'ready', index: feedIndex.index }, active };
}
