import { defineConfig } from 'wxt';

// Firefox needs a fixed add-on id (storage, policies) and an explicit data-collection
// statement (Firefox 140 ESR is the oldest release that knows it, and Debian ships it);
// Chrome would warn about the unknown keys, so they are added for Firefox only.
export const GECKO_ID = 'jarjestoopas@vakehyva.fi';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Only the benchmark sets it, to build around a generated catalogue (modules/packed-catalogue.ts).
  ...(process.env.JARJESTOOPAS_OUT_DIR ? { outDir: process.env.JARJESTOOPAS_OUT_DIR } : {}),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fi',
    // alarms: report retries, and the info-session badge at midnight and each session's start and end.
    permissions: ['storage', 'alarms'],
    action: { default_title: '__MSG_extActionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // Chrome reads enterprise policy against this schema; Firefox reads policies.json.
        { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
