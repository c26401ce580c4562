/**
 * End-to-end fixtures: the production builds in `.output/` loaded into real browsers.
 *
 * - Chromium (Debian `chromium`): a Playwright persistent context with the MV3 build loaded
 *   unpacked; the extension id is read from its service worker.
 * - Firefox (Debian `firefox-esr`): puppeteer-core over WebDriver BiDi, the MV2 build installed
 *   as a temporary add-on under a fixed internal UUID (Playwright's own Firefox needs a patched
 *   build that cannot be downloaded here). docs/testing.md says how to run them.
 *
 * The popup stores the nurse's preferences (city, languages): one test's filter must never
 * leak into the next. Chromium is shared per worker and its extension storage is emptied
 * before every test (each test also gets a new page and an empty clipboard); Firefox gets a
 * fresh profile per test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, type BrowserContext, type TestInfo } from '@playwright/test';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import { launchChromiumWithExtension } from '../chromium-with-extension';
import { FirefoxPopup, Popup } from './popup-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2');
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox gives each add-on a random internal UUID; this pref pins it so the popup URL is known. */
export const FIREFOX_EXTENSION_UUID = '4f1c2a7e-8d3b-4c5a-9e6f-0a1b2c3d4e5f';

/** The size of the real toolbar popup (body is 460 px wide; browsers cap popups at 800×600). */
export const POPUP_VIEWPORT = { width: 460, height: 600 };

/** The nurse's browser speaks Finnish; the UI language follows the browser by default. */
const LOCALE = 'fi-FI';

/** Forgets the nurse's stored preferences (city, languages) so tests do not leak into each other. */
async function resetExtensionStorage(context: BrowserContext, extensionId: string): Promise<void> {
  const clearAll = async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'sync', { clear(): Promise<void> }> } })
      .chrome.storage;
    await Promise.all([api.local.clear(), api.session.clear(), api.sync.clear()]);
  };
  const worker = context.serviceWorkers().find((sw) => sw.url().startsWith(`chrome-extension://${extensionId}/`));
  try {
    if (worker) return await worker.evaluate(clearAll);
  } catch {
    // An idle MV3 service worker may have been stopped: use an extension page instead.
  }
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(clearAll);
  await page.close();
}

function requireBuild(dir: string, command: string): void {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${path.relative(ROOT, dir)}: run \`${command}\` first (or \`npm test\`).`);
  }
}

/** A screenshot of the page as the test left it, attached when a test fails. */
async function attachFailureScreenshot(testInfo: TestInfo, shoot: () => Promise<Uint8Array>): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  try {
    await testInfo.attach('popup-at-failure', { body: Buffer.from(await shoot()), contentType: 'image/png' });
  } catch {
    // The browser may already be gone; the test's own error says more.
  }
}

/** Firefox ESR with an extension build installed as a temporary add-on (under FIREFOX_EXTENSION_UUID). */
export async function launchFirefoxWithExtension(buildDir: string, buildCommand: string): Promise<PuppeteerBrowser> {
  requireBuild(buildDir, buildCommand);
  // Imported lazily: loading wxt.config.ts loads wxt itself (about 2 s), which the Chromium
  // workers do not need.
  const { GECKO_ID } = await import('../../wxt.config');
  const manifest = JSON.parse(readFileSync(path.join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const builtId = manifest.browser_specific_settings?.gecko?.id;
  if (builtId !== GECKO_ID) {
    throw new Error(`The Firefox build has gecko id ${builtId ?? '(none)'}, wxt.config.ts says ${GECKO_ID}: rebuild it.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it Firefox refuses to navigate to moz-extension:// URLs over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'intl.accept_languages': 'fi-FI, fi',
      'intl.locale.requested': 'fi',
    },
  });
  try {
    await browser.installExtension(buildDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

interface ChromiumFixtures {
  /** The shared browser's context, with the extension's storage emptied for this test. */
  context: BrowserContext;
  popup: Popup;
}

interface ChromiumWorkerFixtures {
  /** One Chromium per worker: launching costs about 1.5 s, resetting storage a few ms. */
  chromiumWithExtension: BrowserContext;
  extensionId: string;
}

interface FirefoxFixtures {
  firefox: PuppeteerBrowser;
  firefoxPopup: FirefoxPopup;
}

export const test = base.extend<ChromiumFixtures & FirefoxFixtures, ChromiumWorkerFixtures>({
  chromiumWithExtension: [
    async ({}, use) => {
      requireBuild(CHROME_BUILD, 'wxt build');
      const context = await launchChromiumWithExtension(CHROME_BUILD, { viewport: POPUP_VIEWPORT, locale: LOCALE });
      // Without an origin: an origin of chrome-extension://… throws.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],

  extensionId: [
    async ({ chromiumWithExtension: context }, use) => {
      let [worker] = context.serviceWorkers();
      worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
      const id = new URL(worker.url()).host;
      if (!/^[a-p]{32}$/.test(id)) throw new Error(`Unexpected service worker URL: ${worker.url()}`);
      await use(id);
    },
    { scope: 'worker' },
  ],

  // Replaces Playwright's own context fixture.
  context: async ({ chromiumWithExtension: context, extensionId }, use) => {
    await resetExtensionStorage(context, extensionId);
    await use(context);
    await Promise.all(context.pages().map((page) => page.close()));
  },

  popup: async ({ context, extensionId }, use, testInfo) => {
    const page = await context.newPage();
    const popup = new Popup(page);
    await popup.open(`chrome-extension://${extensionId}/popup.html`);
    // The clipboard outlives pages: start each test from an empty one.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await use(popup);
    await attachFailureScreenshot(testInfo, () => page.screenshot({ fullPage: true }));
  },

  firefox: async ({}, use) => {
    const browser = await launchFirefoxWithExtension(FIREFOX_BUILD, 'wxt build -b firefox');
    try {
      await use(browser);
    } finally {
      await browser.close();
    }
  },

  firefoxPopup: async ({ firefox }, use, testInfo) => {
    const page = await firefox.newPage();
    // Firefox 140 ESR lacks the BiDi screen-orientation command puppeteer sends with a viewport;
    // the test then runs in the default 800 × 600 window, which the popup handles too.
    await page.setViewport(POPUP_VIEWPORT).catch(() => undefined);
    const popup = new FirefoxPopup(page);
    await popup.open(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`);
    await use(popup);
    await attachFailureScreenshot(testInfo, () => page.screenshot({ fullPage: true }));
  },
});

export { expect } from '@playwright/test';
