import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// Firefox needs a fixed add-on id (storage, policies) and an explicit data-collection
// statement (Firefox 140 ESR is the oldest release that knows it, and Debian ships it);
// Chrome would warn about the unknown keys, so they are added for Firefox only.
export const GECKO_ID = 'jarjestoopas@vakehyva.fi';

// `wxt build --mode demo` (npm run build:demo) swaps in a catalogue with the example sessions;
// the production build never contains them.
export const DEMO_CATALOGUE = resolve(import.meta.dirname, '.output/demo-catalogue.json');

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  vite: ({ mode }) =>
    mode === 'demo' ? { resolve: { alias: [{ find: /^(\.\.\/)+data\/catalogue\.json$/, replacement: DEMO_CATALOGUE }] } } : {},
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fi',
    // alarms: the info-session badge changes at midnight and at each session's start and end.
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
