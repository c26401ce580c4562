/**
 * The workbench's command line on an embedded database in a temporary folder: `publish`
 * imports the bundled catalogue into an empty database, creates a development key, and each
 * run publishes revision + 1; a second process on the same PGlite folder is refused.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyDetached } from '@/utils/sync/signature';
import { main } from '@/workbench/src/cli';
import { openPglite } from '@/workbench/src/db/db';
import { latestFeed } from '@/workbench/src/store/feed-revisions';
import { bundledCatalogue } from './helpers';

/** Every service of the bundled catalogue is published. */
const BUNDLED_SERVICES = bundledCatalogue().services.length;

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run workbench -- publish', () => {
  it('imports, creates a dev key, publishes revision + 1 each time; the feed verifies with that key', async () => {
    vi.stubEnv('DATABASE_URL', '');
    const dir = mkdtempSync(join(tmpdir(), 'jo-wb-cli-'));
    dirs.push(dir);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    expect(await main(['publish', '--data', join(dir, 'data')])).toBe(0);
    expect(await main(['publish', '--data', join(dir, 'data')])).toBe(0);
    expect(lines.join('\n')).toMatch(/DEVELOPMENT signing key/);
    expect(lines.filter((line) => line.startsWith('Published revision'))).toEqual([
      expect.stringMatching(new RegExp(`^Published revision 2: ${BUNDLED_SERVICES} services`)),
      expect.stringMatching(new RegExp(`^Published revision 3: ${BUNDLED_SERVICES} services`)),
    ]);
    const key = JSON.parse(readFileSync(join(dir, 'data', 'signing-key.json'), 'utf8'));
    const db = await openPglite(join(dir, 'data', 'pgdata'));
    const feed = (await latestFeed(db))!;
    await db.close();
    expect(await verifyDetached(new Uint8Array(Buffer.from(feed.catalogue)), feed.signature, [key.publicKey])).toBe('valid');
  }, 120_000);

  it('refuses a folder that a running workbench is using', async () => {
    vi.stubEnv('DATABASE_URL', '');
    const dir = mkdtempSync(join(tmpdir(), 'jo-wb-cli-'));
    dirs.push(dir);
    // The parent of this test process stands in for a running workbench.
    writeFileSync(join(dir, 'workbench.pid'), String(process.ppid));
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    expect(await main(['publish', '--data', dir])).toBe(2);
    expect(errors.join('\n')).toMatch(/is using .*: stop it first/);
  });
});
