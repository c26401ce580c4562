/**
 * Popup time to first results in headless Debian Chromium, on the production build made
 * around a given catalogue (JARJESTOOPAS_CATALOGUE, see wxt.config.ts): navigation start →
 * search box on screen → the nurse's first word typed (one input event) → first result card
 * in the DOM. Timed inside the page (performance.now() counts from navigation start), so
 * the test driver's round trips are not counted.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchChromiumWithExtension } from '../chromium-with-extension';
import { summarise } from './measure';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The first word a nurse types; it exists in every generated catalogue. */
const FIRST_WORD = 'velka';

export function buildExtensionFor(catalogueFile: string, outDir: string): void {
  const build = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, JARJESTOOPAS_CATALOGUE: catalogueFile, JARJESTOOPAS_OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`wxt build for ${catalogueFile} failed:\n${build.stdout}\n${build.stderr}`);
}

/**
 * In the page: wait for the search box, type, and report when the first result appears.
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
  let typed = typeWhenReady();
  const observer = new MutationObserver(() => {
    if (!typed) typed = typeWhenReady();
    else if (answered()) {
      observer.disconnect();
      resolve({ ready, answered: performance.now() });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})`;

export async function measurePopup(catalogueFile: string, label: string, runs: number) {
  const build = resolve(ROOT, `.output/bench-${label}`);
  buildExtensionFor(catalogueFile, build);
  const extension = resolve(build, 'chrome-mv3');
  const context = await launchChromiumWithExtension(extension, { viewport: { width: 460, height: 600 } });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const url = `chrome-extension://${new URL(worker.url()).host}/popup.html`;
    const samples: number[] = [];
    const ready: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const timing = (await page.evaluate(`(${TYPE_AND_WAIT_FOR_FIRST_RESULT})(${JSON.stringify(FIRST_WORD)})`)) as {
        ready: number;
        answered: number;
      };
      samples.push(timing.answered);
      ready.push(timing.ready);
      await page.close();
    }
    const { median } = summarise(samples);
    return { median, min: Math.min(...samples), max: Math.max(...samples), runs, readyMedian: summarise(ready).median };
  } finally {
    await context.close();
  }
}
