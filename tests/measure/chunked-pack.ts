/**
 * Issue 22: memory and time of packing a large feed in chunks (createBundledChunkedPacker, the
 * services generated chunk by chunk and never all held, each completed shard serialised as the
 * sync writes it and dropped) against packing the whole catalogue at once
 * (packWithBundledSynonyms, the catalogue generated whole), in the same run.
 *
 *   node --expose-gc --import tsx tests/measure/chunked-pack.ts [services=100000] [chunk=2000]
 *
 * Each path runs in a child process of its own, so that its peak RSS is the operating system's
 * high-water mark for that path alone (process.resourceUsage().maxRSS); the child is this script
 * bundled by esbuild and run by plain node, as the extension runs its bundle (tsx's loader
 * would add its own tens of MB). A third child packs in chunks with V8's old generation capped
 * (--max-old-space-size, default 128 MB): the chunked packer's memory is bounded, so it
 * finishes; the whole-catalogue packer is tried with the same cap. The peak JS heap is the
 * largest heap in use that V8 reports before a garbage collection (--trace-gc) or that the
 * child samples between chunks, whichever is larger. Figures are printed as ratios against the
 * whole-catalogue baseline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { createBundledChunkedPacker, packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { generateCatalogue, generateCatalogueInChunks } from '../bench/generate-catalogue';

const SEED = 20261123;
const MB = 1024 * 1024;
/** Run from the repository root (the child is a bundle in a temporary directory). */
const ROOT = process.cwd();

interface Figures {
  mode: string;
  ms: number;
  maxRssBytes: number;
  sampledHeapBytes: number;
  indexBytes: number;
  shardBytes: number;
  shardCount: number;
}

function childRun(mode: 'chunked' | 'whole', size: number, chunk: number): Figures {
  const categories = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8'))).categories;
  let sampledHeap = 0;
  const sample = () => (sampledHeap = Math.max(sampledHeap, process.memoryUsage().heapUsed));
  let indexBytes = 0;
  let shardBytes = 0;
  let shardCount = 0;
  const write = (shard: unknown) => {
    shardBytes += JSON.stringify(shard).length;
    shardCount++;
  };
  globalThis.gc?.();
  const started = performance.now();
  if (mode === 'chunked') {
    const { base, services } = generateCatalogueInChunks(size, SEED, categories, chunk);
    const packer = createBundledChunkedPacker(base);
    for (const part of services()) {
      packer.add(part).forEach(write);
      sample();
    }
    const { index, shards } = packer.finish();
    sample();
    shards.forEach(write);
    indexBytes = JSON.stringify(index).length;
  } else {
    const catalogue = generateCatalogue(size, SEED, categories);
    sample();
    const { index, shards } = packWithBundledSynonyms(catalogue);
    sample();
    shards.forEach(write);
    indexBytes = JSON.stringify(index).length;
  }
  const ms = performance.now() - started;
  sample();
  return { mode, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, sampledHeapBytes: sampledHeap, indexBytes, shardBytes, shardCount };
}

/** The largest "heap in use before" of V8's --trace-gc lines ("Mark-Compact 512.3 (530.1) -> 400.2 (…) MB"). */
function peakFromTraceGc(output: string): number {
  let peak = 0;
  for (const match of output.matchAll(/(?:Scavenge|Mark-Compact|Mark-sweep)[^\d]*([\d.]+) \(([\d.]+)\) ->/g)) peak = Math.max(peak, Number(match[1]) * MB);
  return peak;
}

/** The largest heap left after a full garbage collection (--trace-gc "Mark-Compact … -> 82.0 (…) MB"): what the packing holds. */
function liveFromTraceGc(output: string): number {
  let live = 0;
  for (const match of output.matchAll(/Mark-Compact[^\d]*[\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)) live = Math.max(live, Number(match[1]) * MB);
  return live;
}

const [, , sizeArgument, chunkArgument, childMode] = process.argv;
const size = Number(sizeArgument ?? 100_000);
const chunk = Number(chunkArgument ?? 2_000);

if (childMode === 'chunked' || childMode === 'whole') {
  console.log(`FIGURES ${JSON.stringify(childRun(childMode, size, chunk))}`);
} else {
  const bundleDir = mkdtempSync(join(tmpdir(), 'chunked-pack-'));
  const bundle = join(bundleDir, 'measure.mjs');
  // Imported here only: the bundled child must not carry esbuild.
  const { buildSync } = await import('esbuild');
  buildSync({ entryPoints: [import.meta.filename], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning', external: ['esbuild'] });
  const run = (mode: string, label: string, flags: string[] = []) => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--trace-gc', ...flags, bundle, String(size), String(chunk), mode], {
      encoding: 'utf8',
      maxBuffer: 512 * MB,
      cwd: ROOT,
      timeout: 15 * 60_000,
    });
    const line = child.stdout.split('\n').find((candidate) => candidate.startsWith('FIGURES '));
    if (child.status !== 0 || !line) return { mode: label, failed: `${child.signal ? `stopped by ${child.signal}` : `exit ${child.status}`}${/heap out of memory/i.test(child.stderr + child.stdout) ? ', heap out of memory' : ''}` };
    const figures = JSON.parse(line.slice('FIGURES '.length)) as Figures;
    return { ...figures, mode: label, peakHeapBytes: Math.max(figures.sampledHeapBytes, peakFromTraceGc(child.stdout)), liveHeapBytes: liveFromTraceGc(child.stdout) };
  };
  const cap = `--max-old-space-size=${process.env.OLD_SPACE_CAP_MB ?? 128}`;
  const whole = run('whole', 'whole');
  const chunked = run('chunked', 'chunked');
  const cappedChunked = run('chunked', `chunked, ${cap}`, [cap]);
  const cappedWhole = run('whole', `whole, ${cap}`, [cap]);
  rmSync(bundleDir, { recursive: true, force: true });
  if ('failed' in whole || 'failed' in chunked) throw new Error(`a run failed: ${JSON.stringify({ whole, chunked })}`);
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`${size} generated services, chunks of ${chunk} (seed ${SEED})`);
  console.log('| path | time | peak RSS | peak JS heap (before a GC) | largest live heap (after a full GC) | index | shards |');
  console.log('|---|---|---|---|---|---|---|');
  for (const figures of [whole, chunked, cappedChunked, cappedWhole]) {
    if ('failed' in figures) {
      console.log(`| ${figures.mode} | failed (${figures.failed}) | | | | | |`);
      continue;
    }
    console.log(
      `| ${figures.mode} | ${(figures.ms / 1000).toFixed(1)} s | ${mb(figures.maxRssBytes)} | ${mb(figures.peakHeapBytes)} | ${mb(figures.liveHeapBytes)} | ${mb(figures.indexBytes)} | ${figures.shardCount} (${mb(figures.shardBytes)}) |`,
    );
  }
  console.log(
    `chunked / whole: time ${ratio(chunked.ms, whole.ms)}, peak RSS ${ratio(chunked.maxRssBytes, whole.maxRssBytes)}, peak JS heap ${ratio(chunked.peakHeapBytes, whole.peakHeapBytes)}, live heap ${ratio(chunked.liveHeapBytes, whole.liveHeapBytes)}`,
  );
  if (!('failed' in cappedChunked)) {
    console.log(`chunked with ${cap} / whole: time ${ratio(cappedChunked.ms, whole.ms)}, peak RSS ${ratio(cappedChunked.maxRssBytes, whole.maxRssBytes)}`);
  }
  if (chunked.indexBytes !== whole.indexBytes || chunked.shardBytes !== whole.shardBytes) throw new Error('the chunked and the whole packing differ in size');
}
