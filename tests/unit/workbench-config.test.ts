/**
 * The workbench's one configuration (workbench/src/config.ts): flags over environment, checked
 * once; and the layout rules that keep it so: nothing else reads process.env, and request
 * bodies, params and queries reach handlers through route schemas, never `as` casts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/workbench/src/config';
import { UsageError } from '@/workbench/src/usage-error';

const SRC = path.resolve(import.meta.dirname, '../../workbench/src');
const sources = readdirSync(SRC, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => path.relative(SRC, path.join(entry.parentPath, entry.name)));

describe('workbench config', () => {
  it('takes flags over the environment, resolves folders and defaults the rest', () => {
    const config = loadConfig(
      { port: '9000', data: 'here' },
      { PORT: '1', WORKBENCH_DATA: 'there', HOST: '0.0.0.0', WORKBENCH_PUBLIC_URL: 'https://opas.example.fi/', WORKBENCH_TRUST_PROXY: '1', DATABASE_URL: '', WORKBENCH_SIGNING_KEY_FILE: 'key.json' },
    );
    expect(config).toEqual({
      port: 9000,
      dataDir: path.resolve('here'),
      host: '0.0.0.0',
      publicUrl: 'https://opas.example.fi',
      trustProxy: 1,
      production: false,
      databaseUrl: undefined,
      signingKeyFile: path.resolve('key.json'),
      verifiedBy: undefined,
      ptvApi: 'https://api.palvelutietovaranto.suomi.fi/api/v11',
      ptvMunicipalities: [],
      ptvDailyAt: undefined,
    });
    expect(loadConfig({}, {})).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: path.resolve('workbench-data'), trustProxy: false, publicUrl: undefined });
  });

  it('PTV import settings: flags over the environment; the daily import is off unless a time is set', () => {
    expect(loadConfig({}, { WORKBENCH_PTV_MUNICIPALITIES: '092, 245', WORKBENCH_PTV_DAILY_AT: '03:30', WORKBENCH_PTV_API: 'http://127.0.0.1:9/api/v11/' })).toMatchObject({
      ptvMunicipalities: ['092', '245'],
      ptvDailyAt: '03:30',
      ptvApi: 'http://127.0.0.1:9/api/v11',
    });
    expect(loadConfig({ municipality: ['235'], 'ptv-daily-at': '04:00' }, { WORKBENCH_PTV_MUNICIPALITIES: '092' })).toMatchObject({ ptvMunicipalities: ['235'], ptvDailyAt: '04:00' });
    expect(loadConfig({}, {}).ptvDailyAt).toBeUndefined();
    expect(() => loadConfig({ 'ptv-daily-at': '25:00' }, {})).toThrow(/--ptv-daily-at/);
    expect(() => loadConfig({ api: 'ftp://x' }, {})).toThrow(/--api/);
  });

  it('refuses a bad port or public address with a message naming the flag', () => {
    for (const port of ['x', '70000', '1.5', '-1']) expect(() => loadConfig({ port }, {}), port).toThrow(/--port \(PORT\) must be a port number/);
    expect(() => loadConfig({ port: 'x' }, {})).toThrow(UsageError);
    expect(() => loadConfig({ 'public-url': 'opas.example.fi' }, {})).toThrow(/--public-url/);
    expect(() => loadConfig({ 'public-url': 'ftp://opas.example.fi' }, {})).toThrow(/--public-url/);
  });

  it('is the only workbench file that reads process.env', () => {
    expect(sources.filter((file) => /process\.env/.test(readFileSync(path.join(SRC, file), 'utf8')))).toEqual(['config.ts']);
  });

  it('casts no request body, params or query (route schemas type them)', () => {
    const casts = sources.filter((file) => /request\.(body|params|query)\)?\s+as\b|\(request\.(body|params|query)\s*\?\?[^)]*\)\s+as\b/.test(readFileSync(path.join(SRC, file), 'utf8')));
    expect(casts).toEqual([]);
  });
});
