import { useMemo } from 'react';
import type { MaintainerContact } from '@/utils/reports/schema';
import { useCatalogueFacts } from '@/components/shared/use-catalogue-facts';

export interface ReportCatalogue {
  region: string;
  revision: number;
  maintainer: MaintainerContact;
}

/**
 * The facts a report names about the catalogue the nurse is looking at: its region, revision
 * and maintainer (e-mail and optional report endpoint), from the catalogue the popup searches
 * (the synced feed's when one is in use: its maintainer may name a report endpoint).
 */
export function useReportCatalogue(): ReportCatalogue | null {
  const facts = useCatalogueFacts();
  return useMemo(() => {
    if (!facts) return null;
    const { region, revision, maintainer } = facts;
    return { region, revision, maintainer: { ...(maintainer.email ? { email: maintainer.email } : {}), name: maintainer.name, ...(maintainer.reportUrl ? { reportUrl: maintainer.reportUrl } : {}) } };
  }, [facts]);
}
