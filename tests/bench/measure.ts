/** Small measuring helpers for the benchmark: timing, percentiles, heap deltas. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(samples: number[]): { median: number; p95: number; count: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), count: sorted.length };
}

export function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** Collects garbage when node runs with --expose-gc (npm run bench does), so heap deltas mean something. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Heap growth while `build` creates something that stays alive (returned so it is not collected early). */
export function heapDelta<T>(build: () => T): { value: T; bytes: number } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const value = build();
  collectGarbage();
  return { value, bytes: process.memoryUsage().heapUsed - before };
}

/** Every prefix of a query, as the popup searches while she types ("v", "ve", "vel", …). */
export function keystrokes(query: string): string[] {
  const prefixes: string[] = [];
  for (let length = 1; length <= query.length; length++) {
    const prefix = query.slice(0, length);
    if (!prefix.endsWith(' ')) prefixes.push(prefix);
  }
  return prefixes;
}
