/**
 * The production build (`npm run build -w @jarjestoopas/workbench`, which `npm test` runs
 * first) starts with plain `node`, no tsx, and reads no repository file: dist/main.js is copied
 * to a temporary folder beside a link to the installed packages only, started on a free port
 * with PGlite in that folder, and answers /healthz, its stylesheet, the signed feed and the HSDS API.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'workbench/dist');
const SOURCES = [path.join(ROOT, 'workbench/src'), path.join(ROOT, 'utils')];

/** The newest source file: a build older than it would test yesterday's code. */
function newestSource(): number {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(ts|css|sql|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

describe('the built workbench (dist/main.js)', () => {
  let dir: string;
  let child: ReturnType<typeof spawn>;
  let out = '';
  let url = '';

  beforeAll(async () => {
    const main = path.join(DIST, 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build -w @jarjestoopas/workbench\` (npm test does it first)`);
    if (statSync(main).mtimeMs < newestSource()) throw new Error(`${main} is older than the sources: run \`npm run build -w @jarjestoopas/workbench\` again`);
    dir = mkdtempSync(path.join(tmpdir(), 'jo-wb-dist-'));
    copyFileSync(main, path.join(dir, 'main.js'));
    // The installed packages, nothing else of the repository.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    child = spawn(process.execPath, [path.join(dir, 'main.js'), '--port', '0', '--data', path.join(dir, 'data')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dist/main.js did not start in 60 s:\n${out}`)), 60_000);
      child.on('exit', (code) => reject(new Error(`dist/main.js exited ${code}:\n${out}`)));
      child.stderr!.on('data', (chunk) => (out += chunk));
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const found = /workbench on (http:\/\/[^/\s]+)\//.exec(out)?.[1];
        if (found && /No maintainers yet/.test(out)) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz, serves its embedded stylesheet and the first signed feed, then stops on SIGTERM', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const css = await fetch(`${url}/static/workbench.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toMatch(/font-family/);
    const feed = await fetch(`${url}/feed/catalogue.json`);
    expect(feed.status).toBe(200);
    expect((await feed.json()).revision).toBeGreaterThan(0);
    expect((await fetch(`${url}/feed/catalogue.json.sig`)).status).toBe(200);
    // The HSDS API runs the shared HSDS export (with its uuid import) in the built server too.
    const hsds = await fetch(`${url}/hsds/services?per_page=1`);
    expect(hsds.status).toBe(200);
    expect((await hsds.json()).contents[0].id).toMatch(/^[0-9a-f-]{36}$/);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
