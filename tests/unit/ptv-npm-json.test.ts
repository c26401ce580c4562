/**
 * Issue 21's contract, run exactly as written: `npm run workbench -- import-ptv --api <BASE>
 * --municipality 092 --municipality 245 --data DIR --json` prints ONE JSON object on stdout and
 * nothing else (no npm banner: the repository's .npmrc). That a second run says `unchanged` is
 * tested in-process in ptv-import-workbench.test.ts; one run through npm (tsx, PGlite) is slow
 * enough on a loaded 2-core machine.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakePtv, type FakePtvServer } from '@/workbench/src/ptv/fake-server';
import { ROOT } from './helpers';

const FIXTURES = join(ROOT, 'workbench/test/fixtures/ptv');
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const run = promisify(execFile);

/** Asynchronously: the fake PTV server answers from this process, so its event loop must run. */
async function importPtv(api: string, data: string) {
  const { stdout } = await run('npm', ['run', 'workbench', '--', 'import-ptv', '--api', api, '--municipality', '092', '--municipality', '245', '--data', data, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 400_000,
  });
  return JSON.parse(stdout) as { new: number; changed: number; unchanged: number; skipped: number; services: Array<{ status: string }> };
}

describe('npm run workbench -- import-ptv … --json, as the issue writes it', () => {
  it('prints only the summary object on stdout', async () => {
    const server: FakePtvServer = await startFakePtv(FIXTURES);
    cleanups.push(() => server.close());
    const data = mkdtempSync(join(tmpdir(), 'ptv-npm-'));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));

    const first = await importPtv(server.baseUrl, data);
    expect({ new: first.new, changed: first.changed, unchanged: first.unchanged, skipped: first.skipped }).toEqual({ new: 4, changed: 0, unchanged: 0, skipped: 1 });
    expect(first.services).toHaveLength(5);
  }, 420_000);
});
