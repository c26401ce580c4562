/**
 * Popup time to first results in headless Debian Chromium, on the production build made
 * around a given catalogue (JARJESTOOPAS_CATALOGUE, see wxt.config.ts): navigation start →
 * search box on screen → the nurse's first word typed (one input event) → first result card
 * in the DOM. Timed inside the page (performance.now() counts from navigation start), so
 * the test driver's round trips are not counted. The blank reference page (bench/blank.html,
 * utils/wxt-modules/bench-blank.ts) is built into the same extension and timed the same way;
 * the synced-feed popup gets its catalogue through the real sync path from a local server.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { revisionId } from '@/utils/catalogue/ids';
import type { Catalogue } from '@/utils/catalogue/schema';
import type { PackedCatalogue } from '@/utils/search/compact/format';
import { FEED_DB_NAME, FEED_DB_VERSION, FEED_PARTS_STORE, FEED_POINTER_KEY, feedPartKey, type FeedPartKey } from '@/utils/catalogue/feed-keys';
import { BYTE_FIELDS, UINT32_FIELDS } from '@/utils/search/compact/binary-index';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { generateSigningKeyPair, signBytes } from '@/utils/sync/signature';
import { launchChromiumWithExtension } from '../chromium-with-extension';
import { startFeedServer } from '../unit/sync-feed-server';
import { summarise } from './measure';
import type { PopupTiming } from './report';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The first word a nurse types; it exists in every generated catalogue. */
const FIRST_WORD = 'velka';
const ANSWER_TIMEOUT_MS = 60_000;

export function buildExtensionFor(catalogueFile: string, outDir: string): void {
  const build = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, JARJESTOOPAS_CATALOGUE: catalogueFile, JARJESTOOPAS_OUT_DIR: outDir, JARJESTOOPAS_BENCH_BLANK: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`wxt build for ${catalogueFile} failed:\n${build.stdout}\n${build.stderr}`);
}

/**
 * In the page: wait for the search box, type, and report when the first result appears, with
 * the popup's own marks (utils/startup-marks.ts) when it has them.
 * Kept as source text: the bench runs under tsx, whose helpers would not exist in the page.
 */
const TYPE_AND_WAIT_FOR_FIRST_RESULT = `(word) => new Promise((resolve) => {
  let ready = 0;
  const typeWhenReady = () => {
    const input = document.querySelector('input[type="search"]');
    if (!input) return false;
    ready = performance.now();
    // React listens for input events; set the value through the native setter as typing does.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, word);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  };
  const answered = () => document.querySelector('ul.results > li') !== null;
  const finish = () => {
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]));
    resolve({ ready, answered: performance.now(), marks });
  };
  let typed = typeWhenReady();
  if (typed && answered()) return finish();
  const observer = new MutationObserver(() => {
    if (!typed) typed = typeWhenReady();
    if (typed && answered()) {
      observer.disconnect();
      finish();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})`;

/** Times a page of the extension `runs` times: each a fresh tab, navigation start → first answer. */
export async function timePage(context: BrowserContext, url: string, runs: number): Promise<PopupTiming> {
  const samples: number[] = [];
  const ready: number[] = [];
  const marks: Array<Record<string, number>> = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // A page that never answers fails the run with its address instead of holding it for ever.
    const timing = (await Promise.race([
      page.evaluate(`(${TYPE_AND_WAIT_FOR_FIRST_RESULT})(${JSON.stringify(FIRST_WORD)})`),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${url}: no answer to "${FIRST_WORD}" within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS).unref()),
    ])) as {
      ready: number;
      answered: number;
      marks: Record<string, number>;
    };
    samples.push(timing.answered);
    ready.push(timing.ready);
    marks.push(timing.marks);
    await page.close();
  }
  const names = [...new Set(marks.flatMap((entry) => Object.keys(entry)))];
  const markMedians = Object.fromEntries(names.map((name) => [name, Math.round(summarise(marks.map((entry) => entry[name] ?? NaN).filter(Number.isFinite)).median)]));
  return { median: summarise(samples).median, min: Math.min(...samples), max: Math.max(...samples), runs, readyMedian: summarise(ready).median, marks: markMedians };
}

async function withExtension<T>(catalogueFile: string, label: string, use: (context: BrowserContext, base: string) => Promise<T>): Promise<T> {
  const build = resolve(ROOT, `.output/bench-${label}`);
  buildExtensionFor(catalogueFile, build);
  const context = await launchChromiumWithExtension(resolve(build, 'chrome-mv3'), { viewport: { width: 460, height: 600 } });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return await use(context, `chrome-extension://${new URL(worker.url()).host}`);
  } finally {
    await context.close();
  }
}

export function measurePopup(catalogueFile: string, label: string, runs: number): Promise<PopupTiming> {
  return withExtension(catalogueFile, label, (context, base) => timePage(context, `${base}/popup.html`, runs));
}

/** The popup and the blank reference page, in the same extension and browser, alternately per run. */
export function measurePopupAndBlank(catalogueFile: string, label: string, runs: number): Promise<{ popup: PopupTiming; blank: PopupTiming }> {
  return withExtension(catalogueFile, label, async (context, base) => {
    await timePage(context, `${base}/bench/blank.html`, 1);
    const blank = await timePage(context, `${base}/bench/blank.html`, runs);
    const popup = await timePage(context, `${base}/popup.html`, runs);
    return { popup, blank };
  });
}

export interface FeedPopupResult {
  size: number;
  /**
   * How the feed reached the browser's storage: `sync`, the real sync path in the browser;
   * `stored`, packed in Node by the background's own packer and written under the same keys
   * as the background's store (for sizes whose browser sync would take the bench minutes).
   */
  via: 'sync' | 'stored';
  /** The browser's own record of the sync (fetch, verify, validate, pack, store); absent when stored. */
  syncMs?: number;
  syncBytes?: number;
  popup: PopupTiming;
}

/** Parts per page round trip when the bench stores a packed feed (a few MB each). */
const STORE_BATCH = 64;

/**
 * In the page: puts `[key, value]` parts into the synced feed's IndexedDB database as
 * utils/catalogue/feed-db.ts opens it; the index's typed arrays arrive as base64 (the driver
 * passes JSON) and are stored as typed arrays, as utils/search/compact/binary-index.ts does.
 * Kept as source text: the bench runs under tsx, whose helpers would not exist in the page.
 */
const PUT_FEED_PARTS = `({ db: names, parts, byteFields, uint32Fields }) => new Promise((resolve, reject) => {
  const decode = (text) => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };
  const request = indexedDB.open(names.name, names.version);
  request.onupgradeneeded = () => request.result.createObjectStore(names.store);
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const tx = db.transaction(names.store, 'readwrite');
    for (const [key, value] of parts) {
      if (key[1] === 'index') {
        for (const field of byteFields) value[field] = decode(value[field]);
        for (const field of uint32Fields) if (value[field] !== undefined) value[field] = new Uint32Array(decode(value[field]).buffer);
      }
      tx.objectStore(names.store).put(value, key);
    }
    tx.oncomplete = () => (db.close(), resolve(undefined));
    tx.onerror = () => reject(tx.error);
  };
})`;

/**
 * Writes a packed feed as utils/catalogue/feed-store.ts does: every part into IndexedDB under
 * the revision's own keys (utils/catalogue/feed-keys.ts), then the pointer last, in
 * storage.local, naming IndexedDB as the parts' store. The popup then opens it exactly as after
 * a sync.
 */
async function storePackedFeed(options: Page, packed: PackedCatalogue, signerKey: string): Promise<void> {
  const acceptedAt = new Date().toISOString();
  const id = revisionId(packed.index.catalogue.revision, acceptedAt);
  const parts: Array<[FeedPartKey, unknown]> = [
    [feedPartKey(id, 'index'), packed.index],
    [feedPartKey(id, 'header'), { catalogue: packed.index.catalogue, shardCount: packed.shards.length }],
    ...packed.shards.map((shard, at): [FeedPartKey, unknown] => [feedPartKey(id, 'shard', at), shard]),
  ];
  const pointer = { id, header: packed.index.catalogue, shardCount: packed.shards.length, acceptedAt, etag: null, signerKey, store: 'indexeddb' };
  const db = { name: FEED_DB_NAME, version: FEED_DB_VERSION, store: FEED_PARTS_STORE };
  for (let start = 0; start < parts.length; start += STORE_BATCH) {
    const batch = { db, parts: parts.slice(start, start + STORE_BATCH), byteFields: BYTE_FIELDS, uint32Fields: UINT32_FIELDS };
    await options.evaluate(`(${PUT_FEED_PARTS})(${JSON.stringify(batch)})`);
  }
  await options.evaluate(({ key, value }) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: value }), { key: FEED_POINTER_KEY, value: pointer });
}

/**
 * The popup on a synced feed: an extension built around a small catalogue of the same region
 * syncs each generated catalogue (a higher revision each time) from a local HTTP server
 * through the real sync path, then the popup is opened and timed as usual.
 */
export async function measureFeedPopups(
  base: Catalogue,
  catalogues: Array<{ size: number; catalogue: () => Catalogue }>,
  runs: number,
  browserSyncMax = Infinity,
): Promise<FeedPopupResult[]> {
  const baseFile = resolve(ROOT, '.bench/feed-base.json');
  writeFileSync(baseFile, JSON.stringify({ ...base, revision: 1 }));
  const server = await startFeedServer();
  const key = await generateSigningKeyPair();
  try {
    return await withExtension(baseFile, 'feed', async (context, extension) => {
      const options = await context.newPage();
      await options.goto(`${extension}/options.html`);
      const results: FeedPopupResult[] = [];
      for (const [at, { size, catalogue: load }] of catalogues.entries()) {
        const revision = 2 + at;
        const catalogue = load();
        if (size > browserSyncMax) {
          // Signed by the trusted key as a sync would record it; the next refresh is hours away.
          await storePackedFeed(options, packWithBundledSynonyms({ ...catalogue, region: base.region, revision }), key.publicKey);
          await timePage(context, `${extension}/popup.html`, 1);
          results.push({ size, via: 'stored', popup: await timePage(context, `${extension}/popup.html`, runs) });
          continue;
        }
        const body = new TextEncoder().encode(JSON.stringify({ ...catalogue, region: base.region, revision }));
        server.publish({ body, signature: JSON.stringify(await signBytes(body, key)) });
        // As the options page saves it; the background syncs at once on a settings change.
        const state = (await options.evaluate(
          async ({ settings, revision: wanted }) => {
            // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw storage read inside the page; its fields are checked as they are used
            const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, any>> } } } }).chrome;
            const setAt = new Date().toISOString();
            await chrome.storage.local.set({ syncSettings: { ...settings, refreshIntervalHours: 6 + wanted } });
            for (let waited = 0; waited < 300_000; waited += 100) {
              const { syncState, feedPacked } = await chrome.storage.local.get(null as unknown as string);
              // An attempt started before the settings (on install) may still report "not configured".
              const ours = syncState?.lastAttemptAt >= setAt.slice(0, 19);
              if (ours && syncState.outcome === 'failed' && syncState.reason !== 'notConfigured') return syncState;
              if (feedPacked?.header?.revision === wanted && syncState?.outcome === 'updated') return syncState;
              await new Promise((done) => setTimeout(done, 100));
            }
            return { outcome: 'timed out', detail: 'no sync within 5 minutes', ms: 0, bytes: 0 };
          },
          { settings: { feedUrl: server.url, trustedPublicKeys: [key.publicKey] }, revision },
        )) as { outcome: string; detail: string | null; ms: number; bytes: number };
        if (state.outcome !== 'updated') throw new Error(`feed of ${size} not synced: ${state.outcome} ${state.detail}`);
        await timePage(context, `${extension}/popup.html`, 1);
        results.push({ size, via: 'sync', syncMs: state.ms, syncBytes: state.bytes, popup: await timePage(context, `${extension}/popup.html`, runs) });
      }
      return results;
    });
  } finally {
    await server.close();
  }
}
