/**
 * `npm run bench:feed-popup [-- --sizes 30000,100000 --popup-runs 5 --browser-sync-max 0]`: only
 * the part of `npm run bench` the synced feed's storage decides (issue 22): the blank reference
 * page, then the popup on a synced feed of each size, as run.ts measures them (popup-time.ts),
 * without the core, fuse.js, delta and Node sync figures that take the full bench most of an
 * hour at 100,000 services. Prints the ratios to the blank page and the startup marks; writes
 * .bench/feed-popup.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { generateCatalogue } from './generate-catalogue';
import { measureFeedPopups, measurePopupAndBlank } from './popup-time';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = resolve(ROOT, '.bench');
// The same seed as run.ts: the same catalogues.
const SEED = 20261123;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}
const sizes = (argument('--sizes') ?? '30000,100000').split(',').map(Number);
const popupRuns = Number(argument('--popup-runs') ?? '5');
const browserSyncMax = Number(argument('--browser-sync-max') ?? '30000');

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const categories = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8'))).categories;
mkdirSync(OUT, { recursive: true });
const loadAtStart = load();

const { popup: bundled, blank } = await measurePopupAndBlank(resolve(ROOT, 'data/catalogue.json'), 'bundled', popupRuns);
process.stderr.write(`blank page: median ${blank.median.toFixed(0)} ms; bundled popup: ${bundled.median.toFixed(0)} ms (load ${load()})\n`);
const feeds = await measureFeedPopups(
  generateCatalogue(100, SEED, categories),
  sizes.map((size) => ({ size, catalogue: () => generateCatalogue(size, SEED, categories) })),
  popupRuns,
  browserSyncMax,
);
const rows = feeds.map((feed) => ({ ...feed, toBlank: Math.round((feed.popup.median / blank.median) * 100) / 100 }));
for (const row of rows) {
  process.stdout.write(
    `synced feed ${row.size} (${row.via === 'sync' ? `synced in the browser, ${Math.round(row.syncMs ?? 0)} ms` : 'stored by the bench'}): median ${row.popup.median.toFixed(0)} ms (${row.popup.min.toFixed(0)}–${row.popup.max.toFixed(0)}) = ${row.toBlank}× blank ${blank.median.toFixed(0)} ms; marks ${JSON.stringify(row.popup.marks)}\n`,
  );
}
const loadAtEnd = load();
process.stdout.write(`load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAtEnd} at the end\n`);
writeFileSync(resolve(OUT, 'feed-popup.json'), `${JSON.stringify({ blank, bundled, feeds: rows, load: { start: loadAtStart, end: loadAtEnd } }, null, 2)}\n`);
