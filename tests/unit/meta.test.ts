/**
 * Rules about the code itself (in the spirit of refined-github's meta tests): each keeps one
 * contract in one place. They read the source files; a rule broken names the file. What a
 * linter can say about one file (pure utils, import boundaries, the clock in components) is
 * ESLint's job (eslint.config.js, tests/unit/lint-layers.test.ts); these span files.
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

/** Folders that are made, not written: git's, installed packages, build and test output (.gitignore). */
function generatedFolders(): Set<string> {
  const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim().replace(/^\//, ''))
    .filter((line) => /^[^#*/][^*/]*\/$/.test(line))
    .map((line) => line.slice(0, -1));
  return new Set(['.git', ...ignored]);
}

const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** docs/architecture.md's layout block: `name/  what it is` lines, the top level at column 0. */
function layoutBlock(): string[] {
  const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  const block = /## Layout\s+```\n([\s\S]*?)```/.exec(doc)?.[1];
  expect(block, 'docs/architecture.md has a "## Layout" code block').toBeDefined();
  return block!.split('\n');
}

describe('meta: docs/architecture.md describes every folder', () => {
  it('every top-level folder of the repository, and none that is gone', () => {
    const generated = generatedFolders();
    const present = folders('.').filter((name) => !generated.has(name)).sort();
    const described = layoutBlock()
      .map((line) => /^([^\s/]+)\/(\s|$)/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name))
      .sort();
    expect(present).toContain('workbench');
    expect(described).toEqual(present);
  });

  it('every folder of workbench/src/ under the workbench entry', () => {
    const lines = layoutBlock();
    const from = lines.findIndex((line) => line.startsWith('workbench/'));
    const to = lines.findIndex((line, index) => index > from && /^\S/.test(line));
    const workbench = lines.slice(from, to === -1 ? undefined : to).join('\n');
    const undescribed = folders('workbench/src').filter((name) => !new RegExp(`(^|[\\s,;(])${name.replace(/[.-]/g, '\\$&')}/`).test(workbench));
    expect(folders('workbench/src').length).toBeGreaterThanOrEqual(5);
    expect(undescribed).toEqual([]);
  });
});
