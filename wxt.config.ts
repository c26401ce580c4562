import { defineConfig } from 'wxt';

// Firefox needs a fixed add-on id (storage, policies) and an explicit data-collection
// statement (Firefox 140 ESR is the oldest release that knows it, and Debian ships it);
// Chrome would warn about the unknown keys, so they are added for Firefox only.
export const GECKO_ID = 'jarjestoopas@vakehyva.fi';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fi',
    permissions: ['storage', 'alarms'],
    // The catalogue feed's origin is asked for only when someone enters a feed URL on the
    // options page (utils/sync/host-permission.ts); nothing is granted at install.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
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
