/**
 * The hand-off asks for contextMenus, activeTab and scripting only: no host permission at
 * install and no content script on every page, in the builds that ship (Chrome and Firefox).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHROME_BUILD, expect, FIREFOX_BUILD, test } from './fixtures';
import { HANDOFF_CHROME_BUILD } from './handoff-fixtures';

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

for (const [name, dir] of [
  ['Chrome', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
] as const) {
  test(`${name}: contextMenus, activeTab, scripting; no host permission, no content script; the shortcut`, () => {
    const manifest = manifestOf(dir);
    const permissions = manifest.permissions as string[];
    expect(permissions).toEqual(expect.arrayContaining(['contextMenus', 'activeTab', 'scripting']));
    expect(permissions.filter((permission) => permission.includes('/') || permission === '<all_urls>' || permission === 'tabs')).toEqual([]);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.commands).toEqual({ 'insert-note': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_insertCommandDescription__' } });
  });
}

test('only the hand-off test build stands in 127.0.0.1 for activeTab', () => {
  expect(manifestOf(HANDOFF_CHROME_BUILD).host_permissions).toEqual(['http://127.0.0.1/*']);
});
