import { useEffect, useState } from 'react';
import { loadBundledCatalogue } from '@/utils/catalogue/bundled';
import type { MaintainerContact } from '@/utils/reports/schema';

export interface ReportCatalogue {
  region: string;
  revision: number;
  maintainer: MaintainerContact;
}

/**
 * The facts a report names about the catalogue the nurse is looking at: its region, revision
 * and maintainer (e-mail and optional report endpoint). `null` until the catalogue has loaded
 * (memoised per page by the loader, so this costs nothing after the popup's first read).
 */
export function useReportCatalogue(): ReportCatalogue | null {
  const [catalogue, setCatalogue] = useState<ReportCatalogue | null>(null);
  useEffect(() => {
    let active = true;
    void loadBundledCatalogue().then((state) => {
      if (!active || state.status !== 'ready') return;
      const { region, revision, maintainer } = state.index.catalogue;
      setCatalogue({
        region,
        revision,
        maintainer: { email: maintainer.email, ...(maintainer.reportUrl ? { reportUrl: maintainer.reportUrl } : {}) },
      });
    });
    return () => {
      active = false;
    };
  }, []);
  return catalogue;
}
