/**
 * The popup's JavaScript stays within 150 kB gzip (issue 13): every script popup.html loads,
 * module preloads included, in the production Chrome build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { CHROME_BUILD } from './fixtures';

const LIMIT = 150 * 1024;

test('the popup loads at most 150 kB of gzipped JavaScript', () => {
  const html = readFileSync(path.join(CHROME_BUILD, 'popup.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((match) => match[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(CHROME_BUILD, file))).byteLength, 0);
  console.log(`popup JavaScript: ${(gzipped / 1024).toFixed(1)} kB gzip in ${scripts.length} files`);
  expect(gzipped).toBeLessThanOrEqual(LIMIT);
});
