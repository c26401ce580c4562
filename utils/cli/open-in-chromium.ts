/**
 * `npm start`: opens Chromium with the freshly built extension loaded, in a throw-away profile,
 * so a newcomer sees the product without touching their own browser profile.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const extension = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');
const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const binary = candidates.find((path): path is string => Boolean(path && existsSync(path)));

if (!existsSync(join(extension, 'manifest.json'))) {
  console.error('No build found: run `npm run build` first (npm start does it for you).');
  process.exit(1);
}
if (!binary) {
  console.error('Chromium not found. Install it (`sudo apt-get install chromium`) or set CHROME_PATH.');
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'jarjestoopas-profile-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  // Chromium refuses to run as root without this (containers, CI machines).
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  'chrome://extensions/',
];
console.log(`Opening ${binary} with Järjestöopas loaded from ${extension}`);
console.log('Pin the extension from the puzzle-piece menu, then click its icon.');
spawn(binary, args, { stdio: 'ignore', detached: true }).unref();
