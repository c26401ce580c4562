import { useCallback, useEffect, useState } from 'react';
import { readPolicy } from '@/utils/policy/read';
import type { Policy } from '@/utils/policy/schema';
import { effectiveHomeSites, readHomeSitesSetting, type EffectiveHomeSites, type HomeSitesSetting } from '@/utils/sessions/home-sites';
import { homeSitesItem } from '@/utils/storage';
import { useStoredItem } from '../shared/use-stored-item';

export interface HomeSites extends EffectiveHomeSites {
  /** Saves her own choice (ignored while policy sets the sites). */
  choose: (siteIds: string[]) => void;
  dismiss: () => void;
}

/** Her site(s), live: policy first, then her stored choice; `null` until storage has answered. */
export function useHomeSites(knownSiteIds: readonly string[]): HomeSites | null {
  const setting = useStoredItem(homeSitesItem, readHomeSitesSetting);
  const [policy, setPolicy] = useState<Policy | null>(null);

  useEffect(() => {
    let active = true;
    readPolicy().then((reading) => active && setPolicy(reading.policy));
    return () => {
      active = false;
    };
  }, []);

  const save = useCallback(
    (change: Partial<HomeSitesSetting>) => void homeSitesItem.setValue(readHomeSitesSetting({ ...(setting ?? {}), ...change })),
    [setting],
  );
  const choose = useCallback((siteIds: string[]) => save({ siteIds, dismissed: true }), [save]);
  const dismiss = useCallback(() => save({ dismissed: true }), [save]);

  if (!setting) return null;
  // Chromium answers the first storage.managed read after browser start only after seconds:
  // show her stored choice at once and apply the policy when it comes; until then do not ask.
  if (!policy) return { ...effectiveHomeSites(setting, {}, knownSiteIds), dismissed: true, choose, dismiss };
  return { ...effectiveHomeSites(setting, policy, knownSiteIds), choose, dismiss };
}
