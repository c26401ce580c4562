/**
 * Rules about the code itself (in the spirit of refined-github's meta tests): each keeps one
 * contract in one place. They read the source files; a rule broken names the file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALARM_NAME } from '@/utils/background/adapters';
import { MESSAGE_DATA } from '@/utils/background/handle-message';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** The source without comments, so that prose may mention `browser.action` or `new Date()`. */
function code(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const UTILS = sources('utils').filter((file) => !file.startsWith('utils/cli/') && !file.startsWith('utils/wxt-modules/'));
const EVERYTHING = [...sources('utils'), ...sources('components'), ...sources('entrypoints')];

/**
 * The browser layer of utils/: the only files that may touch the browser. Everything else in
 * utils/ is pure (runs in Node as it is, takes the browser's parts as arguments).
 */
const BROWSER_LAYER = [
  'utils/storage.ts',
  'utils/messaging.ts',
  'utils/catalogue/open.ts',
  'utils/catalogue/feed-store.ts',
  'utils/policy/read.ts',
  'utils/sync/host-permission.ts',
  'utils/sync/load-config.ts',
  // Injected into the page where the nurse inserts a note (executeScript): the page's DOM is its input.
  'utils/handoff/insert-in-page.ts',
];
const isBrowserLayer = (file: string) => BROWSER_LAYER.includes(file) || file.startsWith('utils/background/') || file.endsWith('/background.ts');
const BROWSER_GLOBALS = /#imports|wxt\/browser|@webext-core\/messaging|\b(browser|chrome|document|window|navigator|localStorage|indexedDB)\s*\.|\bfetch\s*\(/;

/** The files a source imports at run time (type-only imports left out), as repository paths. */
function runtimeImports(file: string): string[] {
  return [...code(file).matchAll(/^import (?!type )[^;]*? from '([^']+)'/gm)].flatMap((match) => {
    const spec = match[1]!;
    const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? join(ROOT, dirname(file), spec) : null;
    if (!base) return [];
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    return found ? [relative(ROOT, found)] : [];
  });
}

/** Reading a stored item of the registry (utils/storage.ts) other than through useStoredItem. */
const READS_STORED_ITEM = /\b\w+Item\s*\.\s*(getValue|getMeta|watch)\s*\(|\bstorage\s*\.\s*(getItem|getItems|getMeta|watch|snapshot)\s*\(|\b(browser|chrome)\s*\.\s*storage\s*\.\s*(local|session|sync)\b/;

/**
 * The pages (components/ and entrypoints/ except the background) may use these utils modules
 * that read storage, and why. The catalogue in use is no single stored value: it is an index
 * opened from a pointer and many parts, started before React renders (docs/performance.md);
 * components reach it through its one hook, useCatalogueInUse.
 */
const PAGE_MAY_IMPORT_STORAGE_READER: Record<string, string[]> = {
  'components/shared/use-catalogue-in-use.ts': ['utils/catalogue/open.ts'],
};

describe('meta: one contract per concern', () => {
  it('pure utils/ use no browser globals and import nothing of the browser layer', () => {
    const pure = UTILS.filter((file) => !isBrowserLayer(file));
    expect(pure.length).toBeGreaterThan(40);
    const offenders = pure.filter((file) => {
      const text = code(file);
      const imports = [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)'/gm)].map((match) => match[1]!);
      const importsBrowserLayer = imports.some((spec) => BROWSER_LAYER.some((layer) => spec.endsWith(layer.replace(/^utils\//, '').replace(/\.ts$/, ''))) || /\/background(\/|$)/.test(spec));
      return BROWSER_GLOBALS.test(text) || importsBrowserLayer;
    });
    expect(offenders).toEqual([]);
  });

  it('components never read the clock with new Date() (they use useNow or wallClock)', () => {
    const offenders = sources('components').filter((file) => /new Date\(\s*\)/.test(code(file)));
    expect(offenders).toEqual([]);
  });

  it('alarm names are unique and prefixed by their feature', () => {
    const names = EVERYTHING.flatMap((file) => [...code(file).matchAll(/export const \w+_ALARM = '([^']+)'/g)].map((match) => ({ file, name: match[1]! })));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const { file, name } of names) {
      expect(name, file).toMatch(ALARM_NAME);
      expect(name.split('.')[0], file).toBe(file.split('/')[1]);
    }
    expect(new Set(names.map(({ name }) => name)).size).toBe(names.length);
    // Only the alarm adapter listens to the browser's alarms.
    expect(EVERYTHING.filter((file) => /alarms\.onAlarm/.test(code(file)))).toEqual(['utils/background/adapters.ts']);
  });

  it('every message of the protocol has exactly one handler, registered through handleMessage', () => {
    const handlers = EVERYTHING.flatMap((file) => [...code(file).matchAll(/handleMessage\(\s*'([^']+)'/g)].map((match) => match[1]!));
    expect(handlers.sort()).toEqual(Object.keys(MESSAGE_DATA).sort());
    expect(EVERYTHING.filter((file) => /\bonMessage\s*\(/.test(code(file)))).toEqual(['utils/background/handle-message.ts']);
    expect(EVERYTHING.filter((file) => /defineExtensionMessaging/.test(code(file)))).toEqual(['utils/messaging.ts']);
  });

  it('every stored item is in the registry, each with a version and migrations', () => {
    expect(EVERYTHING.filter((file) => /defineItem\s*[<(]/.test(code(file)))).toEqual(['utils/storage.ts']);
    const registry = code('utils/storage.ts');
    const items = registry.split(/storage\.defineItem/).slice(1);
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const item of items) {
      const key = /'((?:local|session):[^']+)'/.exec(item)?.[1];
      expect(key, item.slice(0, 80)).toBeDefined();
      expect(item, key).toMatch(/version: \d+,/);
      expect(item, key).toMatch(/migrations: \{/);
    }
    const keys = items.map((item) => /'((?:local|session):[^']+)'/.exec(item)![1]);
    expect(new Set(keys).size).toBe(keys.length);
    // No storage key is spelled anywhere else, and nothing reaches past WXT storage.
    const elsewhere = EVERYTHING.filter((file) => file !== 'utils/storage.ts' && /'(local|sync|session|managed):[^\s']|storage\.(local|sync|session)\b/.test(code(file)));
    expect(elsewhere).toEqual([]);
  });

  it('pages read every stored item through useStoredItem (or a feature hook built on it), never directly', () => {
    const pages = [...sources('components'), ...sources('entrypoints')].filter((file) => file !== 'entrypoints/background.ts' && file !== 'components/shared/use-stored-item.ts');
    expect(pages.length).toBeGreaterThan(40);
    // 1. No page touches storage itself.
    expect(pages.filter((file) => READS_STORED_ITEM.test(code(file)))).toEqual([]);

    // 2. Nor through a utils module that reads storage (directly or through what it imports).
    const readers = new Set(UTILS.concat(sources('utils').filter((file) => file.startsWith('utils/background/'))).filter((file) => READS_STORED_ITEM.test(code(file))));
    expect(readers.size).toBeGreaterThanOrEqual(5);
    for (let grew = true; grew; ) {
      grew = false;
      for (const file of sources('utils')) {
        if (!readers.has(file) && runtimeImports(file).some((imported) => readers.has(imported))) {
          readers.add(file);
          grew = true;
        }
      }
    }
    const indirect = pages.flatMap((file) =>
      runtimeImports(file)
        .filter((imported) => readers.has(imported) && !(PAGE_MAY_IMPORT_STORAGE_READER[file] ?? []).includes(imported))
        .map((imported) => `${file} → ${imported}`),
    );
    expect(indirect).toEqual([]);

    // 3. Every item a page names is either read through useStoredItem or only written there.
    const registry = [...code('utils/storage.ts').matchAll(/export const (\w+Item) = storage\.defineItem/g)].map((match) => match[1]!);
    expect(registry.length).toBeGreaterThanOrEqual(11);
    const readThroughHook = new Set(pages.flatMap((file) => [...code(file).matchAll(/useStoredItem\(\s*(\w+Item)\b/g)].map((match) => match[1]!)));
    for (const file of pages) {
      for (const item of registry) {
        const uses = [...code(file).matchAll(new RegExp(`\\b${item}\\b(?!\\s*[,}]\\s*[^(]*from)(\\s*\\.\\s*\\w+)?`, 'g'))];
        for (const use of uses) {
          const member = use[1]?.replace(/[\s.]/g, '');
          if (member) expect(member, `${file}: ${item}.${member}`).toBe('setValue');
        }
      }
    }
    // The items the pages show (everything but the feed's parts, which the catalogue opener reads).
    expect([...readThroughHook].sort()).toEqual(
      ['currentNoteItem', 'homeSitesItem', 'insertOutcomeItem', 'pickListItem', 'preferencesItem', 'reportOutboxItem', 'reportSettingsItem', 'syncSettingsItem', 'syncStateItem'].sort(),
    );
  });
});
