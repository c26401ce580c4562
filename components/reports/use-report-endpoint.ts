import { useCallback, useEffect, useState } from 'react';
import { readPolicy } from '@/utils/policy/read';
import { readReportSettings } from '@/utils/reports/settings';
import { reportSettingsItem } from '@/utils/storage';
import { useStoredItem } from '../shared/use-stored-item';

export interface ReportEndpointSetting {
  /** The options page's own value ('' when none). */
  saved: string;
  /** Set by the administrator's policy: then the options page value is not used. */
  policyUrl: string | undefined;
  save: (url: string | undefined) => Promise<void>;
}

/** The report endpoint as the options page shows and edits it. `null` until storage and the policy answer. */
export function useReportEndpoint(): ReportEndpointSetting | null {
  const stored = useStoredItem(reportSettingsItem, readReportSettings);
  // The policy is managed storage (not one of our items): read once per page.
  const [policy, setPolicy] = useState<{ url: string | undefined } | null>(null);

  useEffect(() => {
    let active = true;
    void readPolicy().then((reading) => active && setPolicy({ url: reading.policy.reportUrl }));
    return () => {
      active = false;
    };
  }, []);

  // The stored item is watched: the saved value comes back through `stored`.
  const save = useCallback(async (url: string | undefined) => {
    await reportSettingsItem.setValue(url ? { reportUrl: url } : {});
  }, []);

  return stored && policy ? { saved: stored.reportUrl ?? '', policyUrl: policy.url, save } : null;
}
