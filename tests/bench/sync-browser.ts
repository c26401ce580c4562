/**
 * The `syncBrowser` figure of the bench (issue 22): the real sync in headless Chromium, through
 * the feed in parts, of one generated catalogue. A fresh browser per size with the extension
 * built around a small catalogue of the same region; a local HTTP server serves the catalogue
 * both ways (catalogue.json and parts/, as the workbench does); the options are set from the
 * service worker as the options page saves them, and the background syncs on that change.
 *
 * - `ms`: the sync state's own record (fetch, verify, validate, pack, store, commit), in the browser.
 * - `peakBytes`: peak resident memory (VmHWM, the kernel's high-water mark, /proc/<pid>/status)
 *   of the extension's renderer process, the one running the service worker (found through CDP
 *   SystemInfo.getProcessInfo, our browser's processes only, and its `--extension-process` flag;
 *   no extension page is open, so the process holds the worker alone). It is the process's peak
 *   over its whole life (start, install, sync): not sampled, so nothing between samples is missed.
 *   Playwright's network inspection of the worker is off (DevTools would keep every response body
 *   in that process); `timeline` has its RSS every 100 ms beside the heap, to see where the peak falls.
 * - `heapUsedPeakBytes` / `heapTotalPeakBytes`: the worker's V8 heap (Runtime.getHeapUsage over
 *   CDP), sampled every 100 ms: what the JS of the sync holds, apart from the renderer's own memory.
 *   `browserPeakBytes` and `storagePeakBytes`: the same for the browser process and Chromium's
 *   storage service process (where the stored parts are written).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Worker } from '@playwright/test';
import type { Catalogue } from '@/utils/catalogue/schema';
import { partFileName, splitCatalogue } from '@/utils/sync/parts';
import { generateSigningKeyPair, signBytes } from '@/utils/sync/signature';
import { launchChromiumWithExtension } from '../chromium-with-extension';
import { startStaticServer } from '../unit/sync-static-server';
import { buildExtensionFor } from './popup-time';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BrowserSyncFigures {
  ms: number;
  peakBytes: number;
  /**
   * The service worker's V8 heap, sampled every 100 ms over CDP (Runtime.getHeapUsage through a
   * browser-level session attached to the worker's target): peak `usedSize` (live and not yet
   * collected objects) and peak `totalSize` (heap the isolate holds).
   */
  heapUsedPeakBytes: number;
  heapTotalPeakBytes: number;
  heapSamples: number;
  /** Peak of the worker's ArrayBuffer backing stores (outside the JS heap), 0 where CDP does not say. */
  backingPeakBytes: number;
  /** RSS and heap every 100 ms from the settings change to the commit: where the peak falls. */
  timeline: TimelineSample[];
  /** The same high-water mark just before the sync started (the worker started and idle). */
  beforeBytes: number;
  /** What peakBytes is, in words (printed and kept in results.json). */
  peakOf: string;
  browserPeakBytes: number;
  /** The same for Chromium's storage service process (where storage.local / IndexedDB writes land), 0 when it has none. */
  storagePeakBytes: number;
  /** Wall time from the settings change to the committed revision, measured by the bench. */
  wallMs: number;
  parts: number;
  bytes: number;
  detail: string | null;
}

function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}
/** A process's arguments (a renderer rewrites its title: then they come as one string). */
const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return [];
  }
};

/**
 * Samples the service worker's V8 heap every 100 ms. Playwright opens CDP sessions on pages
 * only, so this attaches to the worker's target from the browser session (non-flattened) and
 * talks to it through Target.sendMessageToTarget.
 */
async function sampleWorkerHeap(cdp: CDPSession, pid: number) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string }> };
  const worker = targetInfos.find((target) => target.type === 'service_worker');
  if (!worker) throw new Error('no service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  const answers = new Map<number, (value: HeapUsage | undefined) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
    if (message.id !== undefined) answers.get(message.id)?.(message.result);
  });
  let id = 0;
  const usage = () =>
    new Promise<HeapUsage | undefined>((resolve) => {
      const at = ++id;
      answers.set(at, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: at, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(undefined));
    });
  const peak = { used: 0, total: 0, backing: 0, samples: 0, timeline: [] as TimelineSample[] };
  const startedAt = performance.now();
  let running = true;
  const loop = (async () => {
    while (running) {
      const sample = await usage();
      if (sample) {
        peak.used = Math.max(peak.used, sample.usedSize);
        peak.total = Math.max(peak.total, sample.totalSize);
        peak.backing = Math.max(peak.backing, sample.backingStorageSize ?? 0);
        peak.samples += 1;
        const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
        peak.timeline.push({
          ms: Math.round(performance.now() - startedAt),
          rssMb: mb(statusBytes(pid, 'VmRSS')),
          usedMb: mb(sample.usedSize),
          totalMb: mb(sample.totalSize),
          backingMb: mb(sample.backingStorageSize ?? 0),
        });
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  return {
    stop() {
      running = false;
      void loop;
      return peak;
    },
  };
}

/** Runtime.getHeapUsage: `backingStorageSize` is the ArrayBuffers' memory outside the heap (newer Chromium only). */
interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}
/** One sample of the timeline: the extension process's resident memory beside the worker's heap, in MB. */
export interface TimelineSample {
  ms: number;
  rssMb: number;
  usedMb: number;
  totalMb: number;
  backingMb: number;
}

let built: string | null = null;

/** Builds (once per run) the extension around a 100-service catalogue of the feeds' region, revision 1. */
function extensionFor(base: Catalogue): string {
  if (built) return built;
  const baseFile = resolve(ROOT, '.bench/sync-base.json');
  writeFileSync(baseFile, JSON.stringify({ ...base, revision: 1 }));
  const out = resolve(ROOT, '.output/bench-sync-browser');
  buildExtensionFor(baseFile, out);
  built = resolve(out, 'chrome-mv3');
  return built;
}

export async function measureBrowserSync(base: Catalogue, catalogue: Catalogue, options: { timeoutMs?: number; partBytes?: number } = {}): Promise<BrowserSyncFigures> {
  const extension = extensionFor(base);
  const text = JSON.stringify({ ...catalogue, region: base.region, revision: 2 });
  const key = await generateSigningKeyPair();
  const server = await startStaticServer();
  const body = new TextEncoder().encode(text);
  server.files.set('catalogue.json', { body });
  server.files.set('catalogue.json.sig', { body: JSON.stringify(await signBytes(body, key)) });
  const { manifest, parts } = splitCatalogue(text, options.partBytes);
  for (const part of parts) server.files.set(`parts/${partFileName(part.entry.sha256)}`, { body: part.text });
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  server.files.set('parts/index.json', { body: manifestBytes });
  server.files.set('parts/index.json.sig', { body: JSON.stringify(await signBytes(manifestBytes, key)) });

  // Playwright turns on DevTools' Network domain in every service worker it attaches to (for its
  // request events), and with it Chromium's inspector keeps each response body in the worker's
  // process: measured, 60 MB of a 30,000-service sync's peak that no user's browser has. The bench
  // needs no request events (the server counts the requests), so they are turned off.
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
  const context = await launchChromiumWithExtension(extension, { viewport: { width: 460, height: 600 } });
  try {
    const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const cdp = await context.browser()!.newBrowserCDPSession();
    // The extension's process may be listed a moment after the worker is reported.
    let processInfo: Array<{ type: string; id: number }> = [];
    let extensionPids: number[] = [];
    for (let tries = 0; tries < 50 && extensionPids.length !== 1; tries += 1) {
      if (tries > 0) await new Promise((done) => setTimeout(done, 200));
      ({ processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> });
      extensionPids = processInfo.filter((info) => info.type === 'renderer' && cmdline(info.id).includes('--extension-process')).map((info) => info.id);
    }
    const browserPid = processInfo.find((info) => info.type === 'browser')?.id;
    const storagePid = processInfo.find((info) => info.type === 'storage.mojom.StorageService')?.id;
    if (extensionPids.length !== 1 || browserPid === undefined) throw new Error(`expected one extension process, found ${extensionPids.length}: ${JSON.stringify(processInfo.map((info) => [info.type, info.id, cmdline(info.id).filter((arg) => arg.startsWith("--type") || arg.includes("extension")).join(" ")]))}`);
    const pid = extensionPids[0]!;

    const heap = await sampleWorkerHeap(cdp, pid);
    const beforeBytes = statusBytes(pid, 'VmHWM');
    const started = performance.now();
    const state = (await worker.evaluate(
      async ({ settings, timeoutMs }) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void>; get(keys: string[]): Promise<Record<string, { outcome?: string; reason?: string; lastAttemptAt?: string; header?: { revision: number } } | undefined>> } } } }).chrome;
        // The attempt on install runs first and finds no feed configured: wait for it, so that the
        // attempt the settings start is the one that syncs (its state is the one timed).
        for (let waited = 0; waited < 60_000; waited += 100) {
          const { syncState } = await chrome.storage.local.get(['syncState']);
          if (syncState?.outcome) break;
          await new Promise((done) => setTimeout(done, 100));
        }
        const setAt = new Date().toISOString();
        await chrome.storage.local.set({ syncSettings: settings });
        for (let waited = 0; waited < timeoutMs; waited += 250) {
          const { syncState, feedPacked } = await chrome.storage.local.get(['syncState', 'feedPacked']);
          const ours = (syncState?.lastAttemptAt ?? '') >= setAt.slice(0, 19);
          if (ours && syncState?.outcome === 'failed' && syncState.reason !== 'notConfigured') return syncState;
          if (feedPacked?.header?.revision === 2 && syncState?.outcome === 'updated') return syncState;
          await new Promise((done) => setTimeout(done, 250));
        }
        return { outcome: 'timed out', detail: `no sync within ${timeoutMs} ms`, ms: 0, bytes: 0 };
      },
      { settings: { feedUrl: `${server.base}catalogue.json`, trustedPublicKeys: [key.publicKey], refreshIntervalHours: 6 }, timeoutMs: options.timeoutMs ?? 1_800_000 },
    )) as { outcome: string; detail: string | null; ms: number; bytes: number };
    const wallMs = performance.now() - started;
    const heapPeak = heap.stop();
    if (state.outcome !== 'updated') throw new Error(`feed of ${catalogue.services.length} not synced: ${state.outcome} ${state.detail}`);
    if (!state.detail?.includes('parts')) throw new Error(`not synced in parts: ${state.detail}`);
    if (server.requests.includes('catalogue.json')) throw new Error('the browser fetched the full feed');
    return {
      ms: Math.round(state.ms),
      peakBytes: statusBytes(pid, 'VmHWM'),
      beforeBytes,
      heapUsedPeakBytes: heapPeak.used,
      heapTotalPeakBytes: heapPeak.total,
      heapSamples: heapPeak.samples,
      backingPeakBytes: heapPeak.backing,
      timeline: heapPeak.timeline,
      peakOf: 'VmHWM (peak RSS) of the extension renderer process running the service worker, no extension page open',
      browserPeakBytes: statusBytes(browserPid, 'VmHWM'),
      storagePeakBytes: storagePid === undefined ? 0 : statusBytes(storagePid, 'VmHWM'),
      wallMs: Math.round(wallMs),
      parts: manifest.parts.length,
      bytes: state.bytes,
      detail: state.detail,
    };
  } finally {
    await context.close();
    await server.close();
  }
}
