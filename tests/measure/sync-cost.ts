/**
 * `npm run measure:sync [-- N]`: what a whole-region catalogue costs to sync and to store.
 *
 * Makes a catalogue of N services (default 5000) by cloning the real records with new ids and
 * varied text, signs it, serves it from a real HTTP server on 127.0.0.1, then runs the same
 * sync core as the extension twice: a full update and a conditional GET answered 304. Prints
 * bytes and milliseconds for both, the stored size against Chrome's 10 MB `storage.local`
 * quota, and the popup's index build time for the swap.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { catalogueSchema, type Catalogue } from '../../utils/catalogue/schema';
import { buildSearchIndex } from '../../utils/search/build-index';
import { synonymFileSchema } from '../../utils/search/synonyms';
import { generateSigningKeyPair, signBytes } from '../../utils/sync/signature';
import type { StoredFeed, SyncState } from '../../utils/sync/state';
import { DEFAULT_MAX_BYTES, syncOnce, type SyncStore } from '../../utils/sync/sync-once';
import { INITIAL_SYNC_STATE } from '../../utils/sync/state';
import { startFeedServer } from '../unit/sync-feed-server';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROME_LOCAL_QUOTA = 10 * 1024 * 1024;
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

function memoryStore(): SyncStore & { feed: StoredFeed | null } {
  let state: SyncState = { ...INITIAL_SYNC_STATE };
  const store = {
    feed: null as StoredFeed | null,
    readFeed: async () => store.feed,
    writeFeed: async (feed: StoredFeed) => {
      // Browser storage keeps a structured clone; JSON round-trip is what Chrome serialises.
      store.feed = JSON.parse(JSON.stringify(feed)) as StoredFeed;
    },
    readState: async () => state,
    writeState: async (next: SyncState) => {
      state = next;
    },
  };
  return store;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 5000);
  const catalogue = regionCatalogue(count);
  const body = new TextEncoder().encode(JSON.stringify(catalogue));
  const key = await generateSigningKeyPair();
  const server = await startFeedServer();
  server.publish({ body, signature: JSON.stringify(await signBytes(body, key)) });
  const store = memoryStore();
  const deps = { fetch, now: () => performance.now() + performance.timeOrigin, store, bundled: { region: catalogue.region, revision: 1 }, timeoutMs: 60_000, maxBytes: DEFAULT_MAX_BYTES };
  const source = { feedUrl: server.url, trustedPublicKeys: [key.publicKey] };
  try {
    const full = await syncOnce(deps, source, 'manual');
    const notModified = await syncOnce(deps, source, 'manual');
    const stored = JSON.stringify({ feedCatalogue: store.feed });
    const storedBytes = new TextEncoder().encode(stored).byteLength;
    const synonyms = synonymFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/synonyms.json'), 'utf8')));
    const indexStart = performance.now();
    buildSearchIndex(store.feed!.catalogue, synonyms);
    const indexMs = performance.now() - indexStart;
    console.log(`catalogue: ${catalogue.services.length} services, ${catalogue.organisations.length} organisations`);
    console.log(`feed file: ${kB(body.byteLength)} (gzip on the wire: ${kB(gzipSync(body).byteLength)})`);
    console.log(`full update: ${full.outcome}, ${full.bytes} bytes, ${full.ms.toFixed(0)} ms (fetch + verify + validate + store)`);
    console.log(`304 check:   ${notModified.outcome}, ${notModified.bytes} bytes of body, ${notModified.ms.toFixed(0)} ms`);
    console.log(`stored size: ${kB(storedBytes)} = ${((storedBytes / CHROME_LOCAL_QUOTA) * 100).toFixed(0)} % of Chrome's 10 MB storage.local quota`);
    console.log(`popup index rebuild after the swap: ${indexMs.toFixed(0)} ms`);
  } finally {
    await server.close();
  }
}

await main();
