/**
 * What the production builds ship for the sync: the development key is never trusted (it is
 * not even in the bundle), and no host access is granted at install.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEV_FEED_PUBLIC_KEY } from '../../utils/sync/dev-feed';
import { CHROME_BUILD, FIREFOX_BUILD } from './fixtures';

function files(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
  test(`${path.basename(build)}: the development feed key is not in the build`, () => {
    const scripts = files(build).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // The key's base64 body, also as it would appear split or escaped: its first 40 characters.
    const needle = DEV_FEED_PUBLIC_KEY.slice(30, 70);
    for (const file of scripts) expect(readFileSync(file, 'utf8').includes(needle), file).toBe(false);
  });

  test(`${path.basename(build)}: alarms and storage only; feed hosts are optional`, () => {
    const manifest = JSON.parse(readFileSync(path.join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'alarms']));
    expect((manifest.permissions as string[]).filter((permission) => permission.includes('/'))).toEqual([]);
    const optional = (manifest.optional_host_permissions ?? manifest.optional_permissions) as string[];
    expect(optional).toContain('https://*/*');
  });
}
