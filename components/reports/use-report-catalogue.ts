import { useEffect, useState } from 'react';
import { loadBundledCatalogue } from '@/utils/catalogue/bundled';
import type { Catalogue } from '@/utils/catalogue/schema';
import type { MaintainerContact } from '@/utils/reports/schema';
import { activeCatalogueFrom } from '@/utils/sync/active-catalogue';
import { feedCatalogueItem } from '@/utils/sync/storage';

export interface ReportCatalogue {
  region: string;
  revision: number;
  maintainer: MaintainerContact;
}

function reportFacts({ region, revision, maintainer }: Pick<Catalogue, 'region' | 'revision' | 'maintainer'>): ReportCatalogue {
  return {
    region,
    revision,
    maintainer: { email: maintainer.email, ...(maintainer.reportUrl ? { reportUrl: maintainer.reportUrl } : {}) },
  };
}

/**
 * The facts a report names about the catalogue the nurse is looking at: its region, revision
 * and maintainer (e-mail and optional report endpoint). That is the synced feed catalogue when
 * one newer than the bundled is in use (its maintainer may name a report endpoint), else the
 * bundled one. `null` until the catalogue has loaded.
 */
export function useReportCatalogue(): ReportCatalogue | null {
  const [catalogue, setCatalogue] = useState<ReportCatalogue | null>(null);
  useEffect(() => {
    let active = true;
    let unwatch: (() => void) | undefined;
    void loadBundledCatalogue().then((state) => {
      if (!active || state.status !== 'ready') return;
      const bundled = state.index.catalogue;
      const choose = (stored: unknown) => {
        if (active) setCatalogue(reportFacts(activeCatalogueFrom(bundled, stored).catalogue as typeof bundled));
      };
      choose(null);
      feedCatalogueItem.getValue().then(choose, () => undefined);
      unwatch = feedCatalogueItem.watch(choose);
    });
    return () => {
      active = false;
      unwatch?.();
    };
  }, []);
  return catalogue;
}
