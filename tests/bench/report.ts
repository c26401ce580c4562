/** The benchmark's table: one block per size, core vs plain fuse.js, and the targets. */
import type { DeltaFigures } from './delta-cost';
import type { BrowserSyncFigures } from './sync-browser';

export interface Latency {
  median: number;
  p95: number;
  count: number;
}

export interface PopupTiming {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** When the search box was on screen (catalogue index loaded), median. */
  readyMedian: number;
  /** The popup's startup marks (performance.mark, ms from navigation start), medians. */
  marks?: Record<string, number>;
}

export interface SyncFigures {
  services: number;
  /** Node, the same sync core: fetch, verify, validate, pack, store (JSON round trip). */
  ms: number;
  peakRssMB: number;
  peakHeapMB: number;
  feedBytes: number;
  indexBytes: number;
  shardBytes: number;
}

export interface SizeResult {
  size: number;
  organisations: number;
  catalogueBytes: number;
  core: {
    buildMs: number;
    loadMs: number;
    storedBytes: number;
    shardBytes: number;
    heapBytes: number;
    /** Typed: each keystroke of a query after the ones before it (finished words remembered). */
    all: Latency;
    /** The same keystrokes, each with nothing remembered (as a pasted query). */
    cold?: Latency;
    sample: Latency;
  };
  /** Absent when the run left fuse.js out at this size (`--fuse-sizes`). */
  fuse?: { buildMs: number; loadMs: number; storedBytes: number; heapBytes: number; sample: Latency };
  popup?: PopupTiming;
  /** The popup after the same catalogue arrived through the real sync path (packed in the background). */
  popupFeed?: PopupTiming;
  /** `sync`: the real sync path in the browser; `stored`: packed in Node by the background's packer, written under its keys. */
  popupFeedVia?: 'sync' | 'stored';
  /** Bytes of a one-service change as a delta, and of the full feed (tests/bench/delta-cost.ts). */
  delta?: DeltaFigures;
  /** The real sync in Chromium through the feed in parts (tests/bench/sync-browser.ts): ms and peak bytes. */
  syncBrowser?: BrowserSyncFigures;
  /** The browser's own record of that sync (fetch, verify, validate, pack, store), ms; absent when stored. */
  feedSyncMs?: number;
  /** Medians over the blank page's median, same run (what the floors are judged on). */
  ratios?: { popupToBlank?: number; popupFeedToBlank?: number };
  catalogueFile: string;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3));
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const ratio = (slow: number, fast: number) => `${Math.round(slow / Math.max(fast, 1e-6)).toLocaleString('en')}×`;

export function printTable(
  results: SizeResult[],
  {
    reference,
    blank,
    sync,
    queryCount,
    mixCount,
    sampleCount,
    popupRuns,
  }: { reference: PopupTiming | undefined; blank: PopupTiming | undefined; sync: SyncFigures | undefined; queryCount: number; mixCount: number; sampleCount: number; popupRuns: number },
): void {
  const rows: string[][] = [
    [
      'services',
      'core median ms',
      'core p95 ms',
      'fuse median ms',
      'fuse p95 ms',
      'speed-up (median, p95)',
      'build ms (core / fuse)',
      'popup load ms (core / fuse)',
      'stored (core index + shards / fuse)',
      'heap (core / fuse)',
      'popup box ready / first results ms (min–max)',
      'synced-feed popup ready / first results ms (min–max)',
      'feed sync in browser ms',
    ],
  ];
  for (const r of results) {
    rows.push([
      r.size.toLocaleString('en'),
      ms(r.core.all.median),
      ms(r.core.all.p95),
      r.fuse ? ms(r.fuse.sample.median) : 'not run',
      r.fuse ? ms(r.fuse.sample.p95) : 'not run',
      r.fuse ? `${ratio(r.fuse.sample.median, r.core.sample.median)}, ${ratio(r.fuse.sample.p95, r.core.sample.p95)}` : 'not run',
      `${ms(r.core.buildMs)} / ${r.fuse ? ms(r.fuse.buildMs) : '–'}`,
      `${ms(r.core.loadMs)} / ${r.fuse ? ms(r.fuse.loadMs) : '–'}`,
      `${mb(r.core.storedBytes)} + ${mb(r.core.shardBytes)} / ${r.fuse ? mb(r.fuse.storedBytes) : '–'}`,
      `${mb(r.core.heapBytes)} / ${r.fuse ? mb(r.fuse.heapBytes) : '–'}`,
      r.popup ? `${r.popup.readyMedian.toFixed(0)} / ${r.popup.median.toFixed(0)} (${r.popup.min.toFixed(0)}–${r.popup.max.toFixed(0)})` : 'not run',
      r.popupFeed ? `${r.popupFeed.readyMedian.toFixed(0)} / ${r.popupFeed.median.toFixed(0)} (${r.popupFeed.min.toFixed(0)}–${r.popupFeed.max.toFixed(0)})` : 'not run',
      r.feedSyncMs === undefined ? (r.popupFeedVia === 'stored' ? 'stored by the bench' : 'not run') : ms(r.feedSyncMs),
    ]);
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(line(rows[0]!.map(() => '---')));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `\nCore latency: ${mixCount} keystrokes (every prefix of the ${queryCount} queries), each the fastest of 3 runs after a warm-up; ` +
      `fuse.js and the core again: ${sampleCount} of them (every 8th), one run each after a warm-up, the same way for both; the speed-up compares those.` +
      (popupRuns > 0 ? ` Popup: median of ${popupRuns} runs from navigation start (search box on screen / first word typed → first result card rendered).` : ''),
  );
  if (reference) {
    console.log(
      `Popup floor, same run: the bundled catalogue (92 services) ${reference.readyMedian.toFixed(0)} / ${reference.median.toFixed(0)} ms ` +
        `(${reference.min.toFixed(0)}–${reference.max.toFixed(0)}).`,
    );
  }
  if (blank) {
    console.log(`Blank reference page, same extension and browser: ${blank.readyMedian.toFixed(0)} / ${blank.median.toFixed(0)} ms (${blank.min.toFixed(0)}–${blank.max.toFixed(0)}).`);
  }
  if (reference?.marks && Object.keys(reference.marks).length > 0) {
    console.log(`Popup startup marks (bundled, ms from navigation start): ${Object.entries(reference.marks).map(([name, at]) => `${name} ${at}`).join(', ')}.`);
  }
  for (const r of results) {
    if (r.popupFeed?.marks && Object.keys(r.popupFeed.marks).length > 0) {
      console.log(`Popup startup marks (synced feed of ${r.size.toLocaleString('en')}): ${Object.entries(r.popupFeed.marks).map(([name, at]) => `${name} ${at}`).join(', ')}.`);
    }
  }
  if (sync) {
    console.log(
      `Sync of a ${sync.services.toLocaleString('en')}-service feed (Node, same core: fetch, verify, validate, pack, store): ${sync.ms} ms, ` +
        `feed ${mb(sync.feedBytes)}, packed index ${mb(sync.indexBytes)} + shards ${mb(sync.shardBytes)}, peak RSS ${sync.peakRssMB} MB, peak JS heap ${sync.peakHeapMB} MB.`,
    );
  }

  if (blank) {
    console.log('\nRatios judged on (medians; blank page = 1):');
    for (const r of results) {
      const times = (timing: PopupTiming | undefined) => (timing ? `${(timing.median / blank.median).toFixed(2)}×` : 'not run');
      console.log(
        `  ${r.size.toLocaleString('en')}: bundled popup ${times(r.popup)} blank, synced-feed popup ${times(r.popupFeed)} blank` +
          `${r.popupFeedVia === 'stored' ? ' (feed stored by the bench)' : ''}, core p95 ${ms(r.core.all.p95)} ms typed` +
          `${r.core.cold ? ` (${ms(r.core.cold.p95)} ms with every keystroke cold)` : ''}`,
      );
    }
  }

  const at = (size: number) => results.find((r) => r.size === size);
  const verdicts: string[] = [];
  const ten = at(10_000);
  if (ten) {
    verdicts.push(`10k p95 ${ms(ten.core.all.p95)} ms (target ≤ 2 ms): ${ten.core.all.p95 <= 2 ? 'met' : 'MISSED'}`);
    if (ten.fuse) {
      const speedUp = ten.fuse.sample.median / ten.core.sample.median;
      verdicts.push(`10k speed-up ${ratio(ten.fuse.sample.median, ten.core.sample.median)} (target ≥ 500×): ${speedUp >= 500 ? 'met' : 'MISSED'}`);
    }
    if (ten.popup) verdicts.push(`10k popup ${ten.popup.median.toFixed(0)} ms (target ≤ 150 ms): ${ten.popup.median <= 150 ? 'met' : 'MISSED'}`);
  }
  const thirty = at(30_000);
  if (thirty) verdicts.push(`30k p95 ${ms(thirty.core.all.p95)} ms (floor ≤ 2 ms): ${thirty.core.all.p95 <= 2 ? 'met' : 'MISSED'}`);
  if (blank && ten?.popup) {
    const times = ten.popup.median / blank.median;
    verdicts.push(`bundled popup at 10k ${times.toFixed(1)}× blank (floor ≤ 3×): ${times <= 3 ? 'met' : 'MISSED'}`);
  }
  if (blank && thirty?.popupFeed) {
    const times = thirty.popupFeed.median / blank.median;
    verdicts.push(`synced-feed popup at 30k ${times.toFixed(1)}× blank (floor ≤ 4×): ${times <= 4 ? 'met' : 'MISSED'}`);
  }
  const hundred = at(100_000);
  if (hundred) verdicts.push(`100k p95 ${ms(hundred.core.all.p95)} ms (≤ 3 ms): ${hundred.core.all.p95 <= 3 ? 'met' : 'MISSED'}`);
  if (blank && hundred?.popupFeed) {
    const times = hundred.popupFeed.median / blank.median;
    verdicts.push(`synced-feed popup at 100k ${times.toFixed(1)}× blank (≤ 2.5×): ${times <= 2.5 ? 'met' : 'MISSED'}`);
  }
  for (const r of results) {
    if (!r.syncBrowser) continue;
    const figures = r.syncBrowser;
    verdicts.push(`sync in the browser at ${r.size.toLocaleString('en')}: ${(figures.ms / 1000).toFixed(1)} s, peak ${mb(figures.peakBytes)} (< 300 MB): ${figures.peakBytes < 300e6 ? 'met' : 'MISSED'}`);
  }
  printBrowserSync(results);
  if (verdicts.length > 0) console.log(`\nTargets: ${verdicts.join('; ')}`);
}

/** `syncBrowser` per size: the real sync in Chromium via the feed in parts, and what its peak memory is. */
export function printBrowserSync(results: Array<Pick<SizeResult, 'size' | 'syncBrowser'>>): void {
  const measured = results.filter((r) => r.syncBrowser);
  if (measured.length === 0) return;
  console.log('\nSync in the browser (feed in parts, headless Chromium; syncBrowser in results.json):');
  for (const { size, syncBrowser: figures } of measured) {
    console.log(
      `  ${size.toLocaleString('en')}: syncBrowser {"ms": ${figures!.ms}, "peakBytes": ${figures!.peakBytes}} — ${(figures!.ms / 1000).toFixed(1)} s in ${figures!.parts} parts; ` +
        `peak ${mb(figures!.peakBytes)} (${mb(figures!.beforeBytes)} before the sync), worker JS heap peak ${mb(figures!.heapUsedPeakBytes)} used / ${mb(figures!.heapTotalPeakBytes)} held (${figures!.heapSamples} samples), its ArrayBuffers ${mb(figures!.backingPeakBytes ?? 0)}, browser process ${mb(figures!.browserPeakBytes)}, storage service ${mb(figures!.storagePeakBytes)}`,
    );
  }
  console.log(`  peakBytes: ${measured[0]!.syncBrowser!.peakOf}.`);
}
