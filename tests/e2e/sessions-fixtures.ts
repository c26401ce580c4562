/**
 * The demo build (`npm run build:demo`: the production code with the example booking sheet's
 * sessions, labelled as a demo) in Chromium, for the info-session tests. One browser per
 * worker; the extension's storage is emptied before each test. The popup page is opened by
 * the test itself, after it has installed Playwright's clock (the popup's injected "now").
 */
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, launchChromiumWithExtension } from '../chromium-with-extension';
import { test as base, POPUP_VIEWPORT } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEMO_BUILD = path.join(ROOT, '.output/chrome-mv3-demo');
/** The catalogue the demo build bundles (written by the import-sessions step of build:demo). */
export const DEMO_CATALOGUE = path.join(ROOT, '.output/demo-catalogue.json');

interface DemoWorkerFixtures {
  demoBrowser: BrowserContext;
  demoExtensionId: string;
}

interface DemoFixtures {
  /** Opens the demo popup with the clock set to `time` (Playwright's fake timers). */
  openDemoPopup: (time: string) => Promise<Page>;
}

export const test = base.extend<DemoFixtures, DemoWorkerFixtures>({
  demoBrowser: [
    async ({}, use) => {
      const context = await launchChromiumWithExtension(DEMO_BUILD, { viewport: POPUP_VIEWPORT, locale: 'fi-FI' });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],

  demoExtensionId: [
    async ({ demoBrowser }, use) => use(await extensionIdOf(demoBrowser)),
    { scope: 'worker' },
  ],

  openDemoPopup: async ({ demoBrowser, demoExtensionId }, use) => {
    const url = `chrome-extension://${demoExtensionId}/popup.html`;
    const blank = await demoBrowser.newPage();
    await blank.goto(url);
    await blank.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear());
    await blank.close();
    const pages: Page[] = [];
    await use(async (time) => {
      const page = await demoBrowser.newPage();
      pages.push(page);
      await page.clock.install({ time: new Date(time) });
      await page.goto(url);
      return page;
    });
    await Promise.all(pages.map((page) => page.close()));
  },
});

export { expect } from '@playwright/test';
