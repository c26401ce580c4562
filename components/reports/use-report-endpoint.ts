import { useCallback, useEffect, useState } from 'react';
import { readPolicy } from '@/utils/policy/read';
import { readReportSettings } from '@/utils/reports/settings';
import { reportSettingsItem } from '@/utils/storage';

export interface ReportEndpointSetting {
  /** The options page's own value ('' when none). */
  saved: string;
  /** Set by the administrator's policy: then the options page value is not used. */
  policyUrl: string | undefined;
  save: (url: string | undefined) => Promise<void>;
}

/** The report endpoint as the options page shows and edits it. `null` until storage answers. */
export function useReportEndpoint(): ReportEndpointSetting | null {
  const [state, setState] = useState<{ saved: string; policyUrl: string | undefined } | null>(null);

  useEffect(() => {
    let active = true;
    void Promise.all([reportSettingsItem.getValue(), readPolicy()]).then(([stored, policy]) => {
      if (active) setState({ saved: readReportSettings(stored).reportUrl ?? '', policyUrl: policy.policy.reportUrl });
    });
    return () => {
      active = false;
    };
  }, []);

  const save = useCallback(async (url: string | undefined) => {
    await reportSettingsItem.setValue(url ? { reportUrl: url } : {});
    setState((current) => (current ? { ...current, saved: url ?? '' } : current));
  }, []);

  return state ? { ...state, save } : null;
}
