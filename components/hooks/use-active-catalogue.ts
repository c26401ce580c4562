import { useEffect, useState } from 'react';
import type { CatalogueState } from '@/utils/catalogue/bundled';
import type { Catalogue } from '@/utils/catalogue/schema';
import { activeCatalogueFrom, searchIndexFor, type ActiveCatalogue, type CatalogueMeta } from '@/utils/sync/active-catalogue';
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
 * index is rebuilt once per swap (memoised on the catalogue), never per keystroke.
 */
export function useActiveCatalogue(bundled: CatalogueState | null): {
  catalogue: CatalogueState | null;
  active: ActiveCatalogue | null;
} {
  const active = useActiveCatalogueChoice(bundled?.status === 'ready' ? bundled.index.catalogue : null);
  if (!bundled || !active || active.source === 'bundled' || bundled.status !== 'ready') return { catalogue: bundled, active };
  return { catalogue: { status: 'ready', index: searchIndexFor(active.catalogue as Catalogue, bundled.index.lexicon) }, active };
}
