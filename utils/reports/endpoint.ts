import { endpointUrlSchema } from '../net/endpoint-url';

type ReportUrlSource = 'policy' | 'settings' | 'catalogue' | 'build';
export interface ReportEndpoint {
  url: string;
  source: ReportUrlSource;
}

const webUrl = endpointUrlSchema;

/**
 * Where reports go, first match wins: the administrator's policy, the options page, the
 * catalogue's maintainer (bundled or from the feed), the build default. Each candidate is
 * checked again here: a value that is not an https URL (or plain http on this computer) is
 * skipped, never used.
 */
export function resolveReportEndpoint(candidates: {
  policy?: string | undefined;
  settings?: string | undefined;
  catalogue?: string | undefined;
  build?: string | undefined;
}): ReportEndpoint | null {
  const order: ReportUrlSource[] = ['policy', 'settings', 'catalogue', 'build'];
  for (const source of order) {
    const parsed = webUrl.safeParse(candidates[source]?.trim());
    if (parsed.success) return { url: parsed.data, source };
  }
  return null;
}
