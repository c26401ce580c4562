/**
 * `npm run measure:sync [-- N]`: what a whole-region catalogue costs to sync and to store.
 *
 * Makes a catalogue of N services (default 5000) by cloning the real records with new ids and
 * varied text, signs it, serves it from a real HTTP server on 127.0.0.1, then runs the same
 * sync core as the extension twice: a full update (fetch, verify, validate, pack) and a
 * conditional GET answered 304. Prints bytes and milliseconds for both, the stored packed
 * size (index + shards) and the peak memory of the process during the full update.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { catalogueSchema, type Catalogue } from '../../utils/catalogue/schema';
import { generateSigningKeyPair, signBytes } from '../../utils/sync/signature';
import { packWithBundledSynonyms } from '../../utils/sync/pack-feed';
import { DEFAULT_MAX_BYTES, syncOnce } from '../../utils/sync/sync-once';
import { memorySyncStore } from '../unit/sync-memory-store';
import { startFeedServer } from '../unit/sync-feed-server';

const ROOT = resolve(import.meta.dirname, '../..');
const WORDS = ['vertaistuki', 'ryhmä', 'neuvonta', 'kohtaamispaikka', 'omaiset', 'nuoret', 'ikääntyneet', 'velka', 'asuminen', 'päihteet', 'mieli', 'liikunta', 'kulttuuri', 'ruoka-apu', 'kriisi', 'perheet'];

function word(seed: number, offset: number): string {
  return WORDS[(seed * 7 + offset * 13) % WORDS.length]!;
}

/** The bundled catalogue grown to `count` services: every copy gets new ids and its own text. */
export function regionCatalogue(count: number): Catalogue {
  const base = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8')));
  const organisations = [...base.organisations];
  const services = [...base.services];
  for (let copy = 1; services.length < count; copy += 1) {
    for (const organisation of base.organisations) {
      organisations.push({ ...organisation, id: `${organisation.id}-k${copy}`, name: `${organisation.name} (${word(copy, 1)} ${copy})` });
    }
    for (const [index, service] of base.services.entries()) {
      if (services.length >= count) break;
      const seed = copy * 1000 + index;
      services.push({
        ...service,
        id: `${service.id}-k${copy}`,
        organisationId: `${service.organisationId}-k${copy}`,
        name: `${service.name}: ${word(seed, 2)} ${copy}`,
        description: `${service.description} Toimintaa myös aiheesta ${word(seed, 3)} ja ${word(seed, 4)} (${copy}).`,
        keywords: [...service.keywords, word(seed, 5), `${word(seed, 6)}${copy}`],
      });
    }
  }
  return catalogueSchema.parse({ ...base, revision: base.revision + 1, organisations, services });
}

export interface SyncCost {
  services: number;
  feedBytes: number;
  feedGzipBytes: number;
  outcome: string;
  /** fetch + verify + validate + pack + store, as the sync state records it. */
  ms: number;
  notModifiedMs: number;
  /** The packed form as stored (JSON): index and all shards. */
  indexBytes: number;
  shardBytes: number;
  /** Peak resident set and JS heap of this process during the full update (sampled every 5 ms). */
  peakRssMB: number;
  peakHeapMB: number;
}

const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * One full sync of a catalogue of `count` services through the real sync core (HTTP server on
 * 127.0.0.1, Ed25519 signature, zod validation, packCatalogue with the bundled lexicon) into a memory store whose
 * writes serialise as browser storage does.
 */
export async function measureSync(catalogue: Catalogue): Promise<SyncCost> {
  // One revision above the stand-in for the bundled catalogue, so that it is accepted.
  const body = new TextEncoder().encode(JSON.stringify({ ...catalogue, revision: catalogue.revision + 1 }));
  const key = await generateSigningKeyPair();
  const server = await startFeedServer();
  server.publish({ body, signature: JSON.stringify(await signBytes(body, key)) });
  const { store, held } = memorySyncStore();
  const writeFeed = store.writeFeed;
  store.writeFeed = (packed, meta, source) => writeFeed(JSON.parse(JSON.stringify(packed)), meta, source);
  const deps = {
    fetch,
    now: () => performance.now() + performance.timeOrigin,
    store,
    bundled: { region: catalogue.region, revision: catalogue.revision, publishedAt: catalogue.publishedAt, maintainer: catalogue.maintainer },
    // The extension's own packer: bundled synonyms and lexicon, as the background packs.
    pack: packWithBundledSynonyms,
    timeoutMs: 120_000,
    maxBytes: DEFAULT_MAX_BYTES,
  };
  const source = { feedUrl: server.url, trustedPublicKeys: [key.publicKey] };
  (globalThis as { gc?: () => void }).gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 5);
  try {
    const full = await syncOnce(deps, source, 'manual');
    clearInterval(sampler);
    const notModified = await syncOnce(deps, source, 'manual');
    const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    return {
      services: catalogue.services.length,
      feedBytes: body.byteLength,
      feedGzipBytes: gzipSync(body).byteLength,
      outcome: full.outcome ?? 'none',
      ms: Math.round(full.ms),
      notModifiedMs: Math.round(notModified.ms),
      indexBytes: held.packed ? size(held.packed.index) : 0,
      shardBytes: held.packed ? held.packed.shards.reduce((sum, shard) => sum + size(shard), 0) : 0,
      peakRssMB: MB(peakRss),
      peakHeapMB: MB(peakHeap),
    };
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}

async function main(): Promise<void> {
  const cost = await measureSync(regionCatalogue(Number(process.argv[2] ?? 5000)));
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`catalogue: ${cost.services} services`);
  console.log(`feed file: ${kB(cost.feedBytes)} (gzip on the wire: ${kB(cost.feedGzipBytes)})`);
  console.log(`full update: ${cost.outcome}, ${cost.ms} ms (fetch + verify + validate + pack + store)`);
  console.log(`304 check:   ${cost.notModifiedMs} ms`);
  console.log(`stored packed: index ${kB(cost.indexBytes)}, shards ${kB(cost.shardBytes)}`);
  console.log(`peak memory during the update: RSS ${cost.peakRssMB} MB, JS heap ${cost.peakHeapMB} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
