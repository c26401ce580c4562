// @ts-check
/**
 * ESLint for the whole repository (`npx eslint .`, a step of `npm test`).
 *
 * Besides typescript-eslint's recommended rules and React's rules of hooks, it keeps the layers
 * of docs/architecture.md apart with ESLint's own `no-restricted-imports` and
 * `no-restricted-globals`, one block per layer (in flat config the last block that matches a
 * file sets a rule, so each layer lists everything it may not use):
 *
 *   pure utils       utils/ except the browser layer and the Node tools: no WXT, no webext,
 *                    no browser globals, none of the browser layer, components, entrypoints or
 *                    the workbench
 *   browser layer    BROWSER_LAYER below: may use the browser; never components/entrypoints
 *   Node tools       utils/cli/, utils/wxt-modules/: Node; never components/entrypoints
 *   components       React pages' parts: utils (storage and messaging included), never the
 *                    background, the workbench or entrypoints; the time only through useNow()
 *   entrypoints      thin: pages never import the background's setup; the background no React
 *   workbench/src    the shared core only as `@jarjestoopas/utils/...`; of the popup's
 *                    components only components/nurse-view.tsx
 *   tests            anything
 *
 * Relative imports are matched by the path's tail (`./open`, `../catalogue/open`), so a pure
 * file that happens to share a browser-layer file's name must be renamed (or imported with its
 * own distinct path); the error names the rule to look up.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SEE = 'See docs/architecture.md, "Layers".';

/** The browser layer of utils/ (docs/architecture.md): the only utils files that touch the browser. */
const BROWSER_LAYER = [
  'utils/storage.ts',
  'utils/messaging.ts',
  'utils/background/**',
  'utils/*/background.ts',
  'utils/catalogue/open.ts',
  'utils/catalogue/feed-store.ts',
  // The synced feed's IndexedDB database (the background writes it, the popup reads it).
  'utils/catalogue/feed-db.ts',
  'utils/policy/read.ts',
  'utils/sync/host-permission.ts',
  'utils/sync/load-config.ts',
  // Injected into the page where the nurse inserts a note (executeScript): the page's DOM is its input.
  'utils/handoff/insert-in-page.ts',
];
const NODE_TOOLS = ['utils/cli/**', 'utils/wxt-modules/**'];
const TS = '**/*.{ts,tsx,mts,cts}';

/** A regex for an import spec that names `file` (utils/<dir>/<name>.ts) however it is written: alias, ./, ../. */
function specOf(file) {
  const parts = file.replace(/^utils\//, '').replace(/\.ts$/, '').split('/');
  const name = parts.pop() ?? '';
  const dir = parts.join('/');
  const escape = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `^(?:[@~]/utils/|(?:\\.\\.?/)+)${dir ? `(?:${escape(dir)}/)?` : ''}${escape(name)}(?:\\.ts)?$`;
}

/** WXT, its virtual `#imports` and webext (a regex: in the gitignore-style `group` syntax `#` starts a comment). */
const WEB_EXTENSION = '^(wxt|#imports|@webext-core|@wxt-dev)(/|$)';
const noWebExtension = [
  { regex: WEB_EXTENSION, message: `Pure code takes the browser's parts as arguments; only the browser layer uses WXT and webext. ${SEE}` },
];
const noPages = [
  { regex: '(^|/)(components|entrypoints)(/|$)', message: `utils/ is below the pages: it never imports components/ or entrypoints/. ${SEE}` },
  { regex: '(^|/)workbench(/|$)', message: `utils/ is shared with the workbench and never imports it. ${SEE}` },
];
const backgroundSetup = [
  { regex: '(^|/)background(/|$)', allowTypeImports: true, message: `The background's adapters and setup are the background's own (entrypoints/background.ts composes them). ${SEE}` },
];
/** Browser-layer files a page may import directly (the rest it reaches through messages or hooks). */
const PAGE_MAY_USE = ['utils/storage.ts', 'utils/messaging.ts', 'utils/policy/read.ts', 'utils/sync/host-permission.ts'];
const browserLayerFiles = BROWSER_LAYER.filter((file) => !file.includes('*'));

const pureUtilsImports = [
  ...noWebExtension,
  ...noPages,
  ...backgroundSetup,
  // A type is gone at run time: a pure file may name the browser layer's types (a store's interface).
  ...browserLayerFiles.map((file) => ({ regex: specOf(file), allowTypeImports: true, message: `${file} is the browser layer; pure utils never import it at run time (take what it gives as an argument). ${SEE}` })),
  { group: ['react', 'react-dom', 'react-dom/*'], message: `Pure utils render nothing; React lives in components/. ${SEE}` },
];

/** Globals that exist only in a browser (or an extension): pure utils take them as arguments. */
const BROWSER_GLOBALS = ['browser', 'chrome', 'document', 'window', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest'].map((name) => ({
  name,
  message: `Pure utils do not reach for the browser's \`${name}\`: take it as an argument (the browser layer passes it in). ${SEE}`,
}));

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', '**/node_modules/**', 'workbench/dist/**', 'reports/**', 'test-results/**', 'playwright-report/**', '.bench/**', 'utils/search/nlpjs-shim/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter kept for its position (an adapter's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Plain JavaScript run by Node (the test runner, the workbench's build).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    // A page opened in the bench's browser (a plain script, no modules).
    files: ['tests/bench/blank/**/*.js'],
    languageOptions: { globals: { document: 'readonly' } },
  },
  {
    // Playwright's fixtures take their dependencies as a destructured first argument, even none: \`async ({}, use)\`.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'workbench/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // ---- layers ------------------------------------------------------------------------------
  {
    files: [`utils/${TS}`],
    ignores: [...BROWSER_LAYER, ...NODE_TOOLS],
    rules: {
      'no-restricted-imports': ['error', { patterns: pureUtilsImports }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    files: [...BROWSER_LAYER, ...NODE_TOOLS],
    rules: { 'no-restricted-imports': ['error', { patterns: noPages }] },
  },
  {
    files: [`components/${TS}`],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `Components read the time through useNow() or wallClock() (components/shared/use-now.ts), so that tests can set it. ${SEE}`,
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)(entrypoints|workbench)(/|$)', message: `components/ are the pages' parts: they never import entrypoints/ or the workbench. ${SEE}` },
            // utils/background/toolbar-action.ts is a plain adapter of the toolbar button (action or
            // browserAction), not the background's setup: the insert notice clears its tab's badge.
            { ...backgroundSetup[0], regex: '(^|/)background(/(?!toolbar-action$)|$)' },
            ...browserLayerFiles
              .filter((file) => !PAGE_MAY_USE.includes(file) && file !== 'utils/catalogue/open.ts')
              .map((file) => ({ regex: specOf(file), message: `${file} is the background's; pages reach it through utils/messaging.ts or a stored item's hook. ${SEE}` })),
            {
              regex: specOf('utils/catalogue/open.ts'),
              message: `The catalogue in use is opened before React renders; components reach it through useCatalogueInUse (components/shared/use-catalogue-in-use.ts). ${SEE}`,
            },
          ],
        },
      ],
    },
  },
  {
    // The one component that opens the catalogue in use (tests/unit/meta.test.ts keeps it the only one).
    files: ['components/shared/use-catalogue-in-use.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(entrypoints|workbench)(/|$)', message: `components/ never import entrypoints/ or the workbench. ${SEE}` }, ...backgroundSetup] },
      ],
    },
  },
  {
    files: [`entrypoints/${TS}`],
    ignores: ['entrypoints/background.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)workbench(/|$)', message: `The extension never imports the workbench. ${SEE}` },
            ...backgroundSetup,
          ],
        },
      ],
    },
  },
  {
    // Thin: an entrypoint mounts a component or composes the background's setup, nothing more.
    files: [`entrypoints/${TS}`],
    rules: { 'max-lines': ['error', { max: 40, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['entrypoints/background.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)(components|workbench)(/|$)', message: `The background renders nothing and never imports components/ or the workbench. ${SEE}` },
            { group: ['react', 'react-dom', 'react-dom/*'], message: `The background renders nothing. ${SEE}` },
          ],
        },
      ],
    },
  },
  {
    files: [`workbench/src/${TS}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^[@~]{1,2}/', message: `The workbench is its own package: shared code comes as '@jarjestoopas/utils/…' (add an export to utils/package.json). ${SEE}` },
            { regex: '^(?!@jarjestoopas/)(.*/)?utils/', message: `The workbench imports shared code only as '@jarjestoopas/utils/…' (add an export to utils/package.json). ${SEE}` },
            { regex: '(^|/)components/(?!nurse-view(\\.tsx)?$)', message: `Of the popup's components the workbench renders only components/nurse-view.tsx. ${SEE}` },
            { regex: '(^|/)entrypoints(/|$)', message: `The workbench never imports the extension's entrypoints. ${SEE}` },
            { regex: WEB_EXTENSION, message: `The workbench is a Node server; WXT and webext are the extension's. ${SEE}` },
          ],
        },
      ],
    },
  },
);
