/**
 * Rules about the code itself (in the spirit of refined-github's meta tests): each keeps one
 * contract in one place. They read the source files; a rule broken names the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
});
