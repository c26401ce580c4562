import * as z from 'zod/mini';
import type { Policy } from '../policy/schema';

/**
 * The nurse's own site(s): the health stations or offices whose info sessions the banner
 * and the badge show. Enterprise policy (`homeSites`) beats her own choice and is shown locked.
 */
const DEFAULT_HOME_SITES = { siteIds: [] as string[], dismissed: false };

/** Storage is a trust boundary: a malformed value falls back to "not chosen yet". */
const homeSitesSettingSchema = z.catch(
  z.object({
    siteIds: z.catch(z.array(z.string().check(z.minLength(1))), []),
    /** She said "not now" to the first-run question: do not ask again. */
    dismissed: z.catch(z.boolean(), false),
  }),
  { ...DEFAULT_HOME_SITES, siteIds: [] },
);
export type HomeSitesSetting = z.infer<typeof homeSitesSettingSchema>;

export function readHomeSitesSetting(stored: unknown): HomeSitesSetting {
  return homeSitesSettingSchema.parse(stored);
}

export interface EffectiveHomeSites {
  siteIds: string[];
  /** Set by the administrator's policy: shown, not editable. */
  locked: boolean;
  dismissed: boolean;
}

/** Policy first, then her own choice; unknown ids (a site since closed) are dropped. */
export function effectiveHomeSites(setting: HomeSitesSetting, policy: Policy, knownSiteIds: readonly string[]): EffectiveHomeSites {
  const known = new Set(knownSiteIds);
  if (policy.homeSites) return { siteIds: policy.homeSites.filter((id) => known.has(id)), locked: true, dismissed: true };
  return { siteIds: setting.siteIds.filter((id) => known.has(id)), locked: false, dismissed: setting.dismissed };
}
