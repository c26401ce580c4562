import { useEffect, useState } from 'react';
import type { CatalogueState } from '@/utils/catalogue/bundled';
import type { Catalogue } from '@/utils/catalogue/schema';
import { activeCatalogueFrom, searchIndexFor, type ActiveCatalogue } from '@/utils/sync/active-catalogue';
import { feedCatalogueItem } from '@/utils/sync/storage';

/** Which catalogue is in use: the bundled one until storage answers, then live. */
export function useActiveCatalogueChoice(bundledCatalogue: Catalogue | null): ActiveCatalogue | null {
  const [active, setActive] = useState<ActiveCatalogue | null>(
    bundledCatalogue ? { catalogue: bundledCatalogue, source: 'bundled', acceptedAt: null } : null,
  );
  useEffect(() => {
    if (!bundledCatalogue) return undefined;
    let mounted = true;
    const choose = (stored: unknown) => mounted && setActive(activeCatalogueFrom(bundledCatalogue, stored));
    feedCatalogueItem.getValue().then(choose, () => undefined);
    const unwatch = feedCatalogueItem.watch(choose);
    return () => {
      mounted = false;
      unwatch();
    };
  }, [bundledCatalogue]);
  return active;
}

/**
 * The catalogue to search: the bundled one at once (offline from the first second), then the
 * stored feed catalogue when it is newer, and again whenever the background swaps it. The
 * index is rebuilt once per swap (memoised on the catalogue), never per keystroke.
 */
export function useActiveCatalogue(bundled: CatalogueState): { catalogue: CatalogueState; active: ActiveCatalogue | null } {
  const active = useActiveCatalogueChoice(bundled.status === 'ready' ? bundled.index.catalogue : null);
  if (!active || active.source === 'bundled' || bundled.status !== 'ready') return { catalogue: bundled, active };
  return { catalogue: { status: 'ready', index: searchIndexFor(active.catalogue) }, active };
}
