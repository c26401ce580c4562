import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchServices } from '@/utils/search/search';
import { ROOT, bundledIndex, readJson } from './helpers';

const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const CLI = resolve(ROOT, 'utils/cli/catalogue.ts');

function catalogueCli(...args: string[]) {
  const run = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case starts the real CLI (tsx + the search core): seconds on a loaded 2-core machine.
describe('maintainer command line', { timeout: 60_000 }, () => {
  it('search --json prints only a JSON array, best first, from the same core as the popup', () => {
    const { code, stdout } = catalogueCli('search', 'omaishoitaja tuki', '--json', '--limit', '5');
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(5);
    expect(Object.keys(items[0]!)).toEqual(['serviceId', 'serviceName', 'organisationId', 'organisationName', 'score', 'weak']);
    expect(items[0]!.organisationId).toBe('polli-paakaupunkiseudun-omaishoitajat');
    expect(items.map((item) => item.weak)).toEqual([false, false, false, false, false]);
    const inProcess = searchServices(bundledIndex(), 'omaishoitaja tuki', { limit: 5 });
    expect(items.map((item) => item.serviceId)).toEqual(inProcess.map((result) => result.service.id));
    expect(items.map((item) => item.score)).toEqual(inProcess.map((result) => result.score));
  });

  it('search --json marks a need no service meets as weak matches', () => {
    const { code, stdout } = catalogueCli('search', 'silmälasit rikki', '--json');
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Array<{ weak: boolean }>;
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items.every((item) => item.weak === true)).toBe(true);
  });

  it('search defaults to 10 results and reads --catalogue', () => {
    const directory = mkdtempSync(join(tmpdir(), 'catalogue-'));
    const file = join(directory, 'small.json');
    const catalogue = readJson('data/catalogue.json') as { services: Array<{ organisationId: string }> };
    catalogue.services = catalogue.services.filter((service) => service.organisationId === 'vantaan-muistiyhdistys');
    writeFileSync(file, JSON.stringify(catalogue));
    const all = JSON.parse(catalogueCli('search', 'tuki', '--json').stdout) as unknown[];
    expect(all).toHaveLength(10);
    const small = JSON.parse(catalogueCli('search', 'muistisairaus', '--json', '--catalogue', file).stdout) as Array<{ organisationId: string }>;
    expect(small.map((item) => item.organisationId)).toEqual(['vantaan-muistiyhdistys']);
  });

  it('validate accepts the bundled catalogue and names the record and field of each problem', () => {
    expect(catalogueCli('validate').code).toBe(0);
    const directory = mkdtempSync(join(tmpdir(), 'catalogue-'));
    const file = join(directory, 'broken.json');
    const catalogue = readJson('data/catalogue.json') as { organisations: Array<Record<string, unknown>> };
    catalogue.organisations[1]!.email = 'not an address';
    writeFileSync(file, JSON.stringify(catalogue));
    const { code, stderr } = catalogueCli('validate', file);
    expect(code).toBe(1);
    expect(stderr).toContain(`organisations[1] "${catalogue.organisations[1]!.id as string}": email:`);
  });

  it('explains bad input instead of crashing', () => {
    const directory = mkdtempSync(join(tmpdir(), 'catalogue-'));
    const file = join(directory, 'not-json.json');
    writeFileSync(file, '{ this is not json');
    const result = catalogueCli('validate', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON/);
    expect(catalogueCli('search', 'x', '--limit', 'many').stderr).toMatch(/--limit must be a positive integer/);
  });
});
