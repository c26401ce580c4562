/**
 * The layers' lint rules (eslint.config.js) bite where they should and nowhere else: each case
 * lints a line of code as if it were a file of that layer, through ESLint's own API and the
 * repository's config. Without this a weakened rule would pass `npm test` silently.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let eslint: ESLint;

/** The rules that fire on `code` placed at `file` (a path in the repository; it need not exist). */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const IMPORTS = 'no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

describe('lint: the layers of docs/architecture.md', () => {
  it.each([
    // Pure utils: no WXT, no browser, none of the browser layer or the pages.
    ['utils/search/probe.ts', "import { storage } from '#imports';\nexport const s = storage;", [IMPORTS]],
    ['utils/search/probe.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;", [IMPORTS]],
    ['utils/search/probe.ts', 'export const title = () => document.title;', [GLOBALS]],
    ['utils/sync/probe.ts', "export const get = () => fetch('https://example.fi/');", [GLOBALS]],
    ['utils/sync/probe.ts', "import { preferencesItem } from '../storage';\nexport const p = preferencesItem;", [IMPORTS]],
    ['utils/catalogue/probe.ts', "import { openCatalogueInUse } from './open';\nexport const o = openCatalogueInUse;", [IMPORTS]],
    ['utils/sync/probe.ts', "import { setupSyncBackground } from './background';\nexport const s = setupSyncBackground;", [IMPORTS]],
    ['utils/reports/probe.ts', "import { useI18n } from '@/components/shared/use-i18n';\nexport const u = useI18n;", [IMPORTS]],
    // ... but a fetch handed in as an argument, and the browser layer's types, are fine.
    ['utils/sync/probe.ts', "export const get = (fetch: typeof globalThis.fetch) => fetch('https://example.fi/');", []],
    ['utils/sync/probe.ts', "import type { PackedFeedStore } from '../catalogue/feed-store';\nexport type S = PackedFeedStore;", []],
    // The browser layer may use the browser.
    ['utils/storage.ts', "import { storage } from '#imports';\nexport const s = storage;", []],
    ['utils/background/probe.ts', 'export const id = () => browser.runtime.id;', []],
    // Components: storage and messaging yes; the background and the raw clock no.
    ['components/search/Probe.tsx', "import { preferencesItem } from '@/utils/storage';\nexport const p = preferencesItem;", []],
    ['components/search/Probe.tsx', "import { createBrowserAdapters } from '@/utils/background/adapters';\nexport const c = createBrowserAdapters;", [IMPORTS]],
    ['components/search/Probe.tsx', "import { toolbarAction } from '@/utils/background/toolbar-action';\nexport const t = toolbarAction;", []],
    ['components/search/Probe.tsx', "import { openCatalogueInUse } from '@/utils/catalogue/open';\nexport const o = openCatalogueInUse;", [IMPORTS]],
    ['components/search/Probe.tsx', 'export const now = () => new Date();', ['no-restricted-syntax']],
    ['components/search/Probe.tsx', 'export const epoch = () => new Date(0);', []],
    // Entrypoints are thin; the background renders nothing.
    ['entrypoints/background.ts', "import { createElement } from 'react';\nexport const c = createElement;", [IMPORTS]],
    ['entrypoints/popup/main.tsx', "import { setupSyncBackground } from '@/utils/sync/background';\nexport const s = setupSyncBackground;", [IMPORTS]],
    ['entrypoints/popup/main.tsx', Array.from({ length: 41 }, (_, i) => `export const line${i} = ${i};`).join('\n'), ['max-lines']],
    // The workbench: the shared core as a package, the popup's nurse view and nothing else of the extension.
    ['workbench/src/ui/probe.ts', "import { catalogueSchema } from '@jarjestoopas/utils/catalogue/schema';\nexport const c = catalogueSchema;", []],
    ['workbench/src/ui/probe.ts', "import { catalogueSchema } from '@/utils/catalogue/schema';\nexport const c = catalogueSchema;", [IMPORTS, IMPORTS]],
    ['workbench/src/ui/probe.ts', "import { catalogueSchema } from '../../../utils/catalogue/schema';\nexport const c = catalogueSchema;", [IMPORTS]],
    ['workbench/src/ui/probe.ts', "import { NurseCard } from '../../../components/nurse-view';\nexport const n = NurseCard;", []],
    ['workbench/src/ui/probe.ts', "import { ServiceCard } from '../../../components/search/ServiceCard';\nexport const s = ServiceCard;", [IMPORTS]],
    ['workbench/src/ui/probe.ts', "import { storage } from '#imports';\nexport const s = storage;", [IMPORTS]],
    // Tests may import anything.
    ['tests/unit/probe.test.ts', "import { storage } from '#imports';\nimport { catalogueSchema } from '@/utils/catalogue/schema';\nexport const s = [storage, catalogueSchema, document.title];", []],
  ])('%s: %s', async (file, code, expected) => {
    expect(await rulesFor(file, code)).toEqual(expected);
  });

  it('the message names the rule to read', async () => {
    const [result] = await eslint.lintText("import { preferencesItem } from '../storage';\nexport const p = preferencesItem;\n", {
      filePath: join(ROOT, 'utils/sync/probe.ts'),
    });
    expect(result?.messages[0]?.message).toMatch(/utils\/storage\.ts is the browser layer.*docs\/architecture\.md/);
  });
});
