import { defineConfig } from 'wxt';

// Firefox needs a fixed add-on id (storage, policies) and an explicit data-collection
// statement (Firefox 140 ESR is the oldest release that knows it, and Debian ships it);
// Chrome would warn about the unknown keys, so they are added for Firefox only.
export const GECKO_ID = 'jarjestoopas@vakehyva.fi';
/** Where a catalogue feed may live; each origin is requested only when a feed URL is set. */
/** Only in the hand-off test build: the record-system test page's origin (see permissions below). */
const HANDOFF_E2E_HOSTS = ['http://127.0.0.1/*'];
const FEED_HOST_PATTERNS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Local WXT modules (build steps) live with the rest of the logic; the top level stays lean.
  modulesDir: 'utils/wxt-modules',
  // Only the benchmark sets it, to build around a generated catalogue (utils/wxt-modules/packed-catalogue.ts).
  ...(process.env.JARJESTOOPAS_OUT_DIR ? { outDir: process.env.JARJESTOOPAS_OUT_DIR } : {}),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fi',
    // alarms: feed refresh, report retries, and the info-session badge at midnight and at each
    // session's start and end.
    // unlimitedStorage (Chrome only; no install warning there): a whole-region feed catalogue
    // is 7.3 MB at 5,000 services, 71 % of Chrome's 10 MB storage.local quota (README
    // "Catalogue feed"). Firefox sets no such quota on storage.local. Since issue 22 the synced
    // feed's parts are in IndexedDB, which the same permission lifts from quota in Chrome.
    // contextMenus, activeTab, scripting: the hand-off inserts the note where her cursor is,
    // on her right-click or key press only, into that tab (docs/handoff.md); no host permission,
    // no content script on every page.
    permissions: [
      'storage',
      'alarms',
      ...(browser === 'firefox' ? [] : ['unlimitedStorage']),
      'contextMenus',
      'activeTab',
      'scripting',
      // Test builds only (`--mode handoff-e2e`, never shipped): automated tests cannot right-click
      // a browser menu, which is what grants activeTab; 127.0.0.1 stands in for that grant.
      ...(mode === 'handoff-e2e' && browser === 'firefox' ? HANDOFF_E2E_HOSTS : []),
    ],
    ...(mode === 'handoff-e2e' && browser !== 'firefox' ? { host_permissions: HANDOFF_E2E_HOSTS } : {}),
    commands: {
      'insert-note': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_insertCommandDescription__',
      },
    },
    // The catalogue feed's origin is asked for only when someone enters a feed URL on the
    // options page (utils/sync/host-permission.ts); nothing is granted at install.
    optional_host_permissions: FEED_HOST_PATTERNS,
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
          // MV2 has no optional_host_permissions: hosts go into optional_permissions.
          optional_permissions: FEED_HOST_PATTERNS,
        }
      : // Chrome reads enterprise policy against this schema; Firefox reads policies.json.
        { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
