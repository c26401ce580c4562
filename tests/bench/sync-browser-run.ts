/**
 * `npm run bench:sync-browser [-- --sizes 30000,100000] [--part-bytes N]`: only the `syncBrowser` figure
 * (tests/bench/sync-browser.ts), per size, for a quick look without the whole bench; printed and
 * written to .bench/sync-browser.json with the load average at start and end.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { generateCatalogue } from './generate-catalogue';
import { printBrowserSync } from './report';
import { measureBrowserSync } from './sync-browser';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEED = 20261123;
const at = process.argv.indexOf('--sizes');
const sizes = (at === -1 ? '30000,100000' : process.argv[at + 1]!).split(',').map(Number);
const partAt = process.argv.indexOf('--part-bytes');
const partBytes = partAt === -1 ? undefined : Number(process.argv[partAt + 1]);
const categories = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8'))).categories;
mkdirSync(resolve(ROOT, '.bench'), { recursive: true });

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const loadAtStart = load();
const results = [];
const base = generateCatalogue(100, SEED, categories);
for (const size of sizes) {
  const figures = await measureBrowserSync(base, generateCatalogue(size, SEED, categories), { partBytes });
  results.push({ size, syncBrowser: figures });
  process.stdout.write(
    `syncBrowser ${size}: ${(figures.ms / 1000).toFixed(1)} s, peak ${(figures.peakBytes / 1e6).toFixed(0)} MB (extension process, ${(figures.beforeBytes / 1e6).toFixed(0)} MB before the sync; worker heap peak ${(figures.heapUsedPeakBytes / 1e6).toFixed(0)} MB used, ${(figures.heapTotalPeakBytes / 1e6).toFixed(0)} MB held, ArrayBuffers ${(figures.backingPeakBytes / 1e6).toFixed(0)} MB; browser process ${(figures.browserPeakBytes / 1e6).toFixed(0)} MB, storage service ${(figures.storagePeakBytes / 1e6).toFixed(0)} MB), ${figures.parts} parts, load ${load()}\n`,
  );
}
printBrowserSync(results);
writeFileSync(resolve(ROOT, '.bench/sync-browser.json'), `${JSON.stringify({ loadAtStart, loadAtEnd: load(), results }, null, 2)}\n`);
