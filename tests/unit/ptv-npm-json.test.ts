/**
 * Issue 21's contract, run exactly as written: `npm run workbench -- import-ptv --api <BASE>
 * --municipality 092 --municipality 245 --data DIR --json` prints ONE JSON object on stdout and
 * nothing else (no npm banner: the repository's .npmrc), and a second run says `unchanged`.
 */
import { spawn } from 'node:child_process';
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

/**
 * Asynchronous on purpose: the fake PTV server runs in this process, and a `spawnSync` would
 * block the event loop that has to answer the child's requests (the run hangs to its timeout).
 */
async function importPtv(api: string, data: string) {
  const child = spawn('npm', ['run', 'workbench', '--', 'import-ptv', '--api', api, '--municipality', '092', '--municipality', '245', '--data', data, '--json'], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  expect(status, stderr).toBe(0);
  return JSON.parse(stdout) as { new: number; changed: number; unchanged: number; skipped: number; services: Array<{ status: string }> };
}

describe('npm run workbench -- import-ptv … --json, as the issue writes it', () => {
  it('prints only the summary object, and a second run reports everything unchanged', async () => {
    const server: FakePtvServer = await startFakePtv(FIXTURES);
    cleanups.push(() => server.close());
    const data = mkdtempSync(join(tmpdir(), 'ptv-npm-'));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));

    const first = await importPtv(server.baseUrl, data);
    expect({ new: first.new, changed: first.changed, unchanged: first.unchanged, skipped: first.skipped }).toEqual({ new: 4, changed: 0, unchanged: 0, skipped: 1 });
    const second = await importPtv(server.baseUrl, data);
    expect({ new: second.new, changed: second.changed, unchanged: second.unchanged, skipped: second.skipped }).toEqual({ new: 0, changed: 0, unchanged: 4, skipped: 1 });
    expect(second.services.filter((service) => service.status !== 'skipped').every((service) => service.status === 'unchanged')).toBe(true);
  }, 240_000);
});
