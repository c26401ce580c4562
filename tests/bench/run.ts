/**
 * `npm run bench [-- --sizes 1000,3000 --no-popup]`: search cost at region scale, in one run.
 *
 * For each size a seeded synthetic catalogue is generated; the shipped search core and a plain
 * fuse.js baseline are measured on the same machine in the same process: per-keystroke latency
 * (median, p95), index build time, what the popup loads (bytes, time to load), heap growth.
 * Then the extension is built around each catalogue and the popup's time to first results is
 * measured in headless Chromium. Results go to stdout as a table and to .bench/results.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema, type Catalogue } from '@/utils/catalogue/schema';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { createFuseBaseline, flatRecords } from './fuse-baseline';
import { BENCH_QUERIES, generateCatalogue } from './generate-catalogue';
import { prepareCore } from './core-engine';
import { measureDelta, printDeltaFigures } from './delta-cost';
import { collectGarbage, heapDelta, keystrokes, summarise, time } from './measure';
import { measureFeedPopups, measurePopup, measurePopupAndBlank } from './popup-time';
import { printTable, type PopupTiming, type SizeResult, type SyncFigures } from './report';
import { measureBrowserSync } from './sync-browser';
import { measureSync } from '../measure/sync-cost';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = resolve(ROOT, '.bench');
const SEED = 20261123;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const sizes = (argument('--sizes') ?? '10000,30000,100000').split(',').map(Number);
const withPopup = !process.argv.includes('--no-popup');
const popupRuns = Number(argument('--popup-runs') ?? '7');
// plain fuse.js costs seconds per query from 30,000 services on: by default only below that.
const fuseSizes = argument('--fuse-sizes')?.split(',').map(Number) ?? sizes.filter((size) => size <= 10_000);
/**
 * Feeds up to this size reach the popup through the real sync path in the browser; larger ones
 * (a browser sync of 100,000 services takes the bench many minutes) are packed in Node by the
 * background's own packer and written under the background store's keys (popup-time.ts).
 */
const browserSyncMax = Number(argument('--browser-sync-max') ?? '30000');
/** Sizes whose real sync in the browser (feed in parts) is measured for `syncBrowser` (default: all, with the popup). */
const syncBrowserSizes = argument('--sync-browser-sizes')?.split(',').map(Number) ?? (withPopup ? sizes : []);

/** The query mix: every keystroke prefix of every query, in order (what the popup searches). */
const mix = BENCH_QUERIES.flatMap(({ query }) => keystrokes(query));
/**
 * The baseline's sample: plain fuse.js costs seconds per query at 30k services, so it runs on
 * every 8th keystroke of the mix (same queries for the core, so the ratio compares like with like).
 */
const baselineSample = mix.filter((_, position) => position % 8 === 0);

const realCatalogue = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8')));
const synonyms = synonymFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/synonyms.json'), 'utf8')));
mkdirSync(OUT, { recursive: true });

/**
 * One latency per keystroke: the fastest of `rounds` runs, because the machines this runs on
 * are shared and another process's time slice is not the search's cost. A warm-up round first:
 * the first calls pay for JIT compilation and the stem cache, not for the design.
 */
function latencies(search: (query: string) => unknown, queries: string[], rounds: number): number[] {
  for (const query of queries) search(query);
  const fastest = queries.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    queries.forEach((query, at) => {
      fastest[at] = Math.min(fastest[at]!, time(() => search(query)).ms);
    });
  }
  return fastest;
}

/** Plain fuse.js over full records: load, build and the sample's latencies, as the core's sample is timed. */
function measureFuse(catalogueText: string): NonNullable<SizeResult['fuse']> {
  collectGarbage();
  const fuseLoad = time(() => JSON.parse(catalogueText) as Catalogue);
  const fuseBuild = heapDelta(() => time(() => createFuseBaseline(flatRecords(fuseLoad.value))));
  const fuse = fuseBuild.value.value;
  const fuseSearch = (query: string) => fuse.search(query, { limit: 30 });
  // Timed exactly as the core's sample: one run per keystroke after a warm-up.
  const fuseSample = summarise(latencies(fuseSearch, baselineSample, 1));
  process.stderr.write(`  fuse: median ${fuseSample.median.toFixed(1)} ms, p95 ${fuseSample.p95.toFixed(1)} ms over ${fuseSample.count}\n`);

  return {
    buildMs: fuseBuild.value.ms,
    loadMs: fuseLoad.ms + fuseBuild.value.ms,
    storedBytes: Buffer.byteLength(catalogueText),
    heapBytes: fuseBuild.bytes,
    sample: fuseSample,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
const results: SizeResult[] = [];
for (const size of sizes) {
  const catalogue = generateCatalogue(size, SEED, realCatalogue.categories);
  const catalogueFile = resolve(OUT, `catalogue-${size}.json`);
  const catalogueText = JSON.stringify(catalogue);
  writeFileSync(catalogueFile, catalogueText);
  process.stderr.write(`size ${size}: ${catalogue.organisations.length} organisations, ${(catalogueText.length / 1e6).toFixed(1)} MB JSON\n`);

  collectGarbage();
  const core = prepareCore(catalogue, synonyms);
  const coreAll = summarise(latencies(core.search, mix, 3));
  // The same keystrokes with nothing remembered from the keystrokes before (each as if pasted).
  const coreCold = summarise(latencies(core.searchCold, mix, 3));
  // The speed-up's sample: one run per keystroke after a warm-up, exactly as fuse.js below.
  const coreSample = summarise(latencies(core.search, baselineSample, 1));
  process.stderr.write(
    `  core: median ${coreAll.median.toFixed(3)} ms, p95 ${coreAll.p95.toFixed(3)} ms over ${coreAll.count} (each keystroke cold: p95 ${coreCold.p95.toFixed(3)} ms)\n`,
  );

  // plain fuse.js costs seconds per query at 30k: `--fuse-sizes` limits the sizes it runs at.
  const fuseFigures = fuseSizes.includes(size) ? measureFuse(catalogueText) : undefined;

  results.push({
    size,
    organisations: catalogue.organisations.length,
    catalogueBytes: Buffer.byteLength(catalogueText),
    core: { ...core.figures, all: coreAll, cold: coreCold, sample: coreSample },
    ...(fuseFigures ? { fuse: fuseFigures } : {}),
    // What a one-service change costs on the wire, against the full feed (issue 22; no browser).
    delta: await measureDelta(catalogue),
    catalogueFile,
  });
}

// The floors: the same popup with the bundled catalogue (92 services), and a blank extension
// page (a search box and three lines of script) in the same extension, measured in the same
// run, so what the catalogue's size adds can be told from what the machine costs.
let reference: PopupTiming | undefined;
let blank: PopupTiming | undefined;
if (withPopup) {
  ({ popup: reference, blank } = await measurePopupAndBlank(resolve(ROOT, 'data/catalogue.json'), 'bundled', popupRuns));
  process.stderr.write(`  blank page: median ${blank.median.toFixed(0)} ms; popup bundled: median ${reference.median.toFixed(0)} ms\n`);
  for (const result of results) {
    result.popup = await measurePopup(result.catalogueFile, String(result.size), popupRuns);
    process.stderr.write(`  popup ${result.size}: median ${result.popup.median.toFixed(0)} ms\n`);
  }
  // The same generated catalogues, delivered through the real sync path from a local server.
  const base = generateCatalogue(100, SEED, realCatalogue.categories);
  const feeds = await measureFeedPopups(
    base,
    // Read one at a time: at 100,000 services a parsed catalogue is hundreds of MB.
    results.map((result) => ({ size: result.size, catalogue: () => JSON.parse(readFileSync(result.catalogueFile, 'utf8')) as Catalogue })),
    popupRuns,
    browserSyncMax,
  );
  for (const feed of feeds) {
    const result = results.find((candidate) => candidate.size === feed.size)!;
    result.popupFeed = feed.popup;
    result.popupFeedVia = feed.via;
    if (feed.syncMs !== undefined) result.feedSyncMs = feed.syncMs;
    process.stderr.write(
      `  popup on synced feed ${feed.size}: median ${feed.popup.median.toFixed(0)} ms (${feed.syncMs === undefined ? 'stored by the bench' : `sync ${feed.syncMs.toFixed(0)} ms`})\n`,
    );
  }
}

// The real sync in the browser through the feed in parts (issue 22): a fresh browser per size.
for (const result of results.filter((candidate) => syncBrowserSizes.includes(candidate.size))) {
  const base = generateCatalogue(100, SEED, realCatalogue.categories);
  result.syncBrowser = await measureBrowserSync(base, JSON.parse(readFileSync(result.catalogueFile, 'utf8')) as Catalogue);
  process.stderr.write(`  sync in the browser ${result.size}: ${result.syncBrowser.ms} ms, peak ${(result.syncBrowser.peakBytes / 1e6).toFixed(0)} MB\n`);
}

// The largest feed's sync in Node with the same core, for its peak memory.
const largest = Math.max(...sizes);
const cost = await measureSync(JSON.parse(readFileSync(resolve(OUT, `catalogue-${largest}.json`), 'utf8')));
const sync: SyncFigures = { services: cost.services, ms: cost.ms, peakRssMB: cost.peakRssMB, peakHeapMB: cost.peakHeapMB, feedBytes: cost.feedBytes, indexBytes: cost.indexBytes, shardBytes: cost.shardBytes };
process.stderr.write(`  sync ${largest}: ${cost.outcome} in ${cost.ms} ms, peak RSS ${cost.peakRssMB} MB\n`);

if (blank) {
  for (const result of results) {
    result.ratios = {
      ...(result.popup ? { popupToBlank: round(result.popup.median / blank.median) } : {}),
      ...(result.popupFeed ? { popupFeedToBlank: round(result.popupFeed.median / blank.median) } : {}),
    };
  }
}

printTable(results, { reference, blank, sync, queryCount: BENCH_QUERIES.length, mixCount: mix.length, sampleCount: baselineSample.length, popupRuns: withPopup ? popupRuns : 0 });
printDeltaFigures(results);
writeFileSync(resolve(OUT, 'results.json'), `${JSON.stringify({ results, reference, blank, sync }, null, 2)}\n`);
