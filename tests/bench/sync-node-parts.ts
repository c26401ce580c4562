/**
 * `node --expose-gc --import tsx tests/bench/sync-node-parts.ts N`: the same sync core as the
 * browser's (utils/sync/sync-once.ts, feed in parts, the background's chunked packer) in Node, for
 * its memory: a generated catalogue of N services served in parts from a local HTTP server, staged
 * into files in a temporary folder (as the browser's store writes to disk, nothing of the stored
 * revision stays in this process). Prints one JSON line: ms, peak RSS (process.resourceUsage()
 * maxRSS, the kernel's high-water mark, and the RSS before the sync) and the peak JS heap sampled
 * every 5 ms. Run in its own process per size, so that nothing else counts in its peak.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { catalogueSchema } from '@/utils/catalogue/schema';
import type { PackedFeedPointer } from '@/utils/catalogue/in-use';
import { fromBinaryIndex, isBinaryIndex } from '@/utils/search/compact/binary-index';
import type { BinaryPackedIndex } from '@/utils/search/compact/format';
import { createBundledChunkedPacker, packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { partFileName, splitCatalogue } from '@/utils/sync/parts';
import type { PartsProgress } from '@/utils/sync/parts-progress';
import { generateSigningKeyPair, signBytes } from '@/utils/sync/signature';
import { DEFAULT_MAX_BYTES, syncOnce } from '@/utils/sync/sync-once';
import type { StagedRevision } from '@/utils/catalogue/staged-revision';
import type { FeedStaging } from '@/utils/sync/sync-parts';
import { memorySyncStore } from '../unit/sync-memory-store';
import { startStaticServer } from '../unit/sync-static-server';
import { generateCatalogue } from './generate-catalogue';

const ROOT = resolve(import.meta.dirname, '..', '..');
const size = Number(process.argv[2] ?? '10000');
const categories = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8'))).categories;

/** A staged store over files: what a browser writes to disk does not stay in this process. */
function fileStaging(folder: string): FeedStaging & { committed: () => PackedFeedPointer | null } {
  let progress: PartsProgress | null = null;
  let committed: PackedFeedPointer | null = null;
  const file = (id: string, kind: string, at: number) => join(folder, `${id}.${kind}-${at}.json`);
  const stage = (id: string): StagedRevision => ({
    id,
    putShard: async (at, shard) => writeFileSync(file(id, 'shard', at), JSON.stringify(shard)),
    // Written as the base64 JSON it was before the packer handed the binary form (typed arrays do not stringify).
    putIndex: async (index) => writeFileSync(file(id, 'index', 0), JSON.stringify(isBinaryIndex(index) ? fromBinaryIndex(index as BinaryPackedIndex) : index)),
    putSourcePart: async (at, text) => writeFileSync(file(id, 'source', at), text),
    readSourcePart: async (at) => {
      try {
        return readFileSync(file(id, 'source', at), 'utf8');
      } catch {
        return null;
      }
    },
    written: async () => {
      const names = readdirSync(folder).filter((name) => name.startsWith(`${id}.`));
      const numbers = (kind: string) => names.filter((name) => name.startsWith(`${id}.${kind}-`)).map((name) => Number(/-(\d+)\.json$/.exec(name)![1]));
      return { shards: numbers('shard'), index: numbers('index').length > 0, sourceParts: numbers('source') };
    },
    commit: async ({ acceptedAt, etag, signerKey }, { shardCount, sourceParts }) => {
      const index = JSON.parse(readFileSync(file(id, 'index', 0), 'utf8')) as { catalogue: PackedFeedPointer['header'] };
      committed = { id, header: index.catalogue, shardCount, sourceParts, acceptedAt, etag, signerKey };
      return committed;
    },
    abort: async () => {
      for (const name of readdirSync(folder).filter((entry) => entry.startsWith(`${id}.`))) rmSync(join(folder, name));
    },
  });
  return {
    stage,
    dropStagedExcept: async () => undefined,
    readSourcePart: async () => null,
    readProgress: async () => progress,
    writeProgress: async (next) => void (progress = next),
    committed: () => committed,
  };
}

/** Generates, splits and serves the catalogue; only its header and the served parts outlive this. */
async function serve() {
  const catalogue = generateCatalogue(size, 20261123, categories);
  const text = JSON.stringify({ ...catalogue, revision: catalogue.revision + 1 });
  const key = await generateSigningKeyPair();
  const server = await startStaticServer();
  const { manifest, parts } = splitCatalogue(text);
  for (const part of parts) server.files.set(`parts/${partFileName(part.entry.sha256)}`, { body: Buffer.from(part.text) });
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  server.files.set('parts/index.json', { body: manifestBytes });
  server.files.set('parts/index.json.sig', { body: JSON.stringify(await signBytes(manifestBytes, key)) });
  const bundled = { region: catalogue.region, revision: catalogue.revision, publishedAt: catalogue.publishedAt, maintainer: catalogue.maintainer };
  return { server, key, bundled, partCount: manifest.parts.length };
}
const { server, key, bundled, partCount } = await serve();
const folder = mkdtempSync(join(tmpdir(), 'jarjestoopas-sync-'));
const staging = fileStaging(folder);
const { store } = memorySyncStore();

(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
const state = await syncOnce(
  {
    fetch,
    now: () => Date.now(),
    store,
    bundled,
    pack: packWithBundledSynonyms,
    timeoutMs: 120_000,
    maxBytes: DEFAULT_MAX_BYTES,
    parts: { staging, makePacker: createBundledChunkedPacker },
  },
  { feedUrl: `${server.base}catalogue.json`, trustedPublicKeys: [key.publicKey] },
  'manual',
);
clearInterval(sampler);
await server.close();
rmSync(folder, { recursive: true, force: true });
const MB = (bytes: number) => Math.round(bytes / 1e5) / 10;
process.stdout.write(
  `${JSON.stringify({ size, outcome: state.outcome, detail: state.detail, ms: state.ms, parts: partCount, rssBeforeMB: MB(before), peakRssMB: MB(process.resourceUsage().maxRSS * 1024), peakHeapMB: MB(peakHeap), committed: staging.committed()?.shardCount ?? null })}\n`,
);
