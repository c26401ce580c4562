/** The benchmark's table: one block per size, core vs plain fuse.js, and the targets. */

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
    all: Latency;
    sample: Latency;
  };
  fuse: { buildMs: number; loadMs: number; storedBytes: number; heapBytes: number; sample: Latency };
  popup?: PopupTiming;
  catalogueFile: string;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3));
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const ratio = (slow: number, fast: number) => `${Math.round(slow / Math.max(fast, 1e-6)).toLocaleString('en')}×`;

export function printTable(
  results: SizeResult[],
  { reference, queryCount, mixCount, sampleCount, popupRuns }: { reference: PopupTiming | undefined; queryCount: number; mixCount: number; sampleCount: number; popupRuns: number },
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
    ],
  ];
  for (const r of results) {
    rows.push([
      r.size.toLocaleString('en'),
      ms(r.core.all.median),
      ms(r.core.all.p95),
      ms(r.fuse.sample.median),
      ms(r.fuse.sample.p95),
      `${ratio(r.fuse.sample.median, r.core.sample.median)}, ${ratio(r.fuse.sample.p95, r.core.sample.p95)}`,
      `${ms(r.core.buildMs)} / ${ms(r.fuse.buildMs)}`,
      `${ms(r.core.loadMs)} / ${ms(r.fuse.loadMs)}`,
      `${mb(r.core.storedBytes)} + ${mb(r.core.shardBytes)} / ${mb(r.fuse.storedBytes)}`,
      `${mb(r.core.heapBytes)} / ${mb(r.fuse.heapBytes)}`,
      r.popup ? `${r.popup.readyMedian.toFixed(0)} / ${r.popup.median.toFixed(0)} (${r.popup.min.toFixed(0)}–${r.popup.max.toFixed(0)})` : 'not run',
    ]);
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(line(rows[0]!.map(() => '---')));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `\nCore latency: ${mixCount} keystrokes (every prefix of the ${queryCount} queries), each the fastest of 3 runs after a warm-up; ` +
      `fuse.js: ${sampleCount} of them (every 8th), one run each after a warm-up; speed-up compares both on those same ${sampleCount} keystrokes.` +
      (popupRuns > 0 ? ` Popup: median of ${popupRuns} runs from navigation start (search box on screen / first word typed → first result card rendered).` : ''),
  );
  if (reference) {
    console.log(
      `Popup floor, same run: the bundled catalogue (92 services) ${reference.readyMedian.toFixed(0)} / ${reference.median.toFixed(0)} ms ` +
        `(${reference.min.toFixed(0)}–${reference.max.toFixed(0)}).`,
    );
  }

  const at = (size: number) => results.find((r) => r.size === size);
  const verdicts: string[] = [];
  const ten = at(10_000);
  if (ten) {
    verdicts.push(`10k p95 ${ms(ten.core.all.p95)} ms (target ≤ 2 ms): ${ten.core.all.p95 <= 2 ? 'met' : 'MISSED'}`);
    const speedUp = ten.fuse.sample.median / ten.core.sample.median;
    verdicts.push(`10k speed-up ${ratio(ten.fuse.sample.median, ten.core.sample.median)} (target ≥ 500×): ${speedUp >= 500 ? 'met' : 'MISSED'}`);
    if (ten.popup) verdicts.push(`10k popup ${ten.popup.median.toFixed(0)} ms (target ≤ 150 ms): ${ten.popup.median <= 150 ? 'met' : 'MISSED'}`);
  }
  const thirty = at(30_000);
  if (thirty) verdicts.push(`30k p95 ${ms(thirty.core.all.p95)} ms (target ≤ 16 ms): ${thirty.core.all.p95 <= 16 ? 'met' : 'MISSED'}`);
  if (verdicts.length > 0) console.log(`\nTargets: ${verdicts.join('; ')}`);
}
