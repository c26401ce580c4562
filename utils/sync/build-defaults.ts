import { DEFAULT_REFRESH_INTERVAL_HOURS, type SyncDefaults } from './config';
import { DEV_FEED_PUBLIC_KEY, DEV_FEED_URL } from './dev-feed';

/**
 * The build's own defaults, used when neither policy nor the options page sets a value.
 * Production: `WXT_FEED_URL` and `WXT_FEED_PUBLIC_KEYS` (comma-separated SPKI base64) at build
 * time, e.g. `WXT_FEED_URL=https://… WXT_FEED_PUBLIC_KEYS=MFkw… npm run build`; without them the
 * extension stays on its bundled catalogue until a policy or the options page names a feed.
 * Development (`npm run dev`): the local demo feed and its development key only.
 */
export function buildSyncDefaults(): SyncDefaults {
  if (import.meta.env.DEV && import.meta.env.MODE === 'development') {
    return { feedUrl: DEV_FEED_URL, trustedPublicKeys: [DEV_FEED_PUBLIC_KEY], refreshIntervalHours: DEFAULT_REFRESH_INTERVAL_HOURS };
  }
  const url = (import.meta.env.WXT_FEED_URL as string | undefined) ?? '';
  const keys = (import.meta.env.WXT_FEED_PUBLIC_KEYS as string | undefined) ?? '';
  return {
    feedUrl: url.trim() || null,
    trustedPublicKeys: keys.split(',').map((key) => key.trim()).filter(Boolean),
    refreshIntervalHours: DEFAULT_REFRESH_INTERVAL_HOURS,
  };
}
