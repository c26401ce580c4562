import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '@/utils/catalogue/load';
import { verifyDetached } from '@/utils/sync/signature';
import { ROOT } from './helpers';

const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const CLI = resolve(ROOT, 'utils/cli/catalogue.ts');

function catalogueCli(...args: string[]) {
  const run = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('maintainer command line: the signed feed', () => {
  it('keygen, then build writes a feed that the extension verifies with the printed public key', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feed-'));
    const keyFile = join(dir, 'key.json');
    const keygen = catalogueCli('keygen', '--out', keyFile);
    expect(keygen.code, keygen.stderr).toBe(0);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const publicKey = /Public key: (\S+)/.exec(keygen.stdout)?.[1];
    expect(publicKey).toBeDefined();
    expect(catalogueCli('keygen', '--out', keyFile).code).toBe(2);

    const build = catalogueCli('build', '--key', keyFile, '--out', join(dir, 'feed'), '--revision', '9');
    expect(build.code, build.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, 'feed/catalogue.json')));
    const signature = readFileSync(join(dir, 'feed/catalogue.json.sig'), 'utf8');
    expect(await verifyDetached(bytes, signature, [publicKey!])).toBe('valid');
    const parsed = parseCatalogue(JSON.parse(new TextDecoder().decode(bytes)));
    expect(parsed.success && parsed.catalogue.revision).toBe(9);
    // One changed byte and the signature no longer holds.
    bytes[10] = bytes[10]! ^ 1;
    expect(await verifyDetached(bytes, signature, [publicKey!])).toBe('signatureInvalid');
  });

  it('build refuses to sign without a key', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'feed-'));
    const noKey = catalogueCli('build', '--out', join(dir, 'feed'));
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('--key');
  });
});
