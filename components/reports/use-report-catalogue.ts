import { loadBundledCatalogue } from '@/utils/catalogue/bundled';
import type { MaintainerContact } from '@/utils/reports/schema';

export interface ReportCatalogue {
  region: string;
  revision: number;
  maintainer: MaintainerContact;
}

/**
 * The facts a report names about the catalogue the nurse is looking at: its region, revision
 * and maintainer (e-mail and optional report endpoint). Memoised per page by the loader.
 */
export function useReportCatalogue(): ReportCatalogue | null {
  const state = loadBundledCatalogue();
  if (state.status !== 'ready') return null;
  const { region, revision, maintainer } = state.index.catalogue;
  return { region, revision, maintainer: { email: maintainer.email, ...(maintainer.reportUrl ? { reportUrl: maintainer.reportUrl } : {}) } };
}
