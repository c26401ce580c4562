/**
 * Issue 22: memory and time of packing a large feed in chunks (createBundledChunkedPacker, the
 * services generated chunk by chunk and never all held, each completed shard serialised as the
 * sync writes it and dropped) against packing the whole catalogue at once
 * (packWithBundledSynonyms, the catalogue generated whole), in the same run.
 *
 *   node --expose-gc --import tsx tests/measure/chunked-pack.ts [services=100000] [chunk=2000]
 *
 * Each path runs in a child process of its own, so that its peak RSS is the operating system's
 * high-water mark for that path alone (process.resourceUsage().maxRSS). The peak JS heap is the
 * largest heap in use that V8 reports before a garbage collection (--trace-gc) or that the
 * child samples between chunks, whichever is larger. Figures are printed as ratios against the
 * whole-catalogue baseline.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { createBundledChunkedPacker, packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { generateCatalogue, generateCatalogueInChunks } from '../bench/generate-catalogue';

const SEED = 20261123;
const MB = 1024 * 1024;
const ROOT = resolve(import.meta.dirname, '..', '..');

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

const [, , sizeArgument, chunkArgument, childMode] = process.argv;
const size = Number(sizeArgument ?? 100_000);
const chunk = Number(chunkArgument ?? 2_000);

if (childMode === 'chunked' || childMode === 'whole') {
  console.log(`FIGURES ${JSON.stringify(childRun(childMode, size, chunk))}`);
} else {
  const run = (mode: string) => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--trace-gc', '--import', 'tsx', import.meta.filename, String(size), String(chunk), mode],
      { encoding: 'utf8', maxBuffer: 512 * MB, cwd: ROOT },
    );
    const line = child.stdout.split('\n').find((candidate) => candidate.startsWith('FIGURES '));
    if (child.status !== 0 || !line) throw new Error(`${mode} run failed (${child.status}):\n${child.stderr.slice(-2000)}`);
    const figures = JSON.parse(line.slice('FIGURES '.length)) as Figures;
    return { ...figures, peakHeapBytes: Math.max(figures.sampledHeapBytes, peakFromTraceGc(child.stdout)) };
  };
  const whole = run('whole');
  const chunked = run('chunked');
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`${size} generated services, chunks of ${chunk} (seed ${SEED})`);
  console.log('| path | time | peak RSS | peak JS heap | index | shards |');
  console.log('|---|---|---|---|---|---|');
  for (const figures of [whole, chunked]) {
    console.log(
      `| ${figures.mode} | ${(figures.ms / 1000).toFixed(1)} s | ${mb(figures.maxRssBytes)} | ${mb(figures.peakHeapBytes)} | ${mb(figures.indexBytes)} | ${figures.shardCount} (${mb(figures.shardBytes)}) |`,
    );
  }
  console.log(
    `chunked / whole: time ${ratio(chunked.ms, whole.ms)}, peak RSS ${ratio(chunked.maxRssBytes, whole.maxRssBytes)}, peak JS heap ${ratio(chunked.peakHeapBytes, whole.peakHeapBytes)}`,
  );
  if (chunked.indexBytes !== whole.indexBytes || chunked.shardBytes !== whole.shardBytes) throw new Error('the chunked and the whole packing differ in size');
}
