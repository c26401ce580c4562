/**
 * The hand-off tests' fixtures: the hand-off test build (`wxt build --mode handoff-e2e`: the
 * production code plus a host permission for 127.0.0.1, because no test can right-click a
 * browser menu or press a browser shortcut, which is what grants activeTab) in Chromium, and
 * the local record-system imitation (record-server.ts).
 */
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { extensionIdOf, launchChromiumWithExtension } from '../chromium-with-extension';
import { test as base } from './fixtures';
import { startRecordServers, type RecordServers } from './record-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const HANDOFF_CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3-handoff-e2e');
export const HANDOFF_FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2-handoff-e2e');
export const MENU_ID = 'handoff.insert-note';

interface HandoffWorkerFixtures {
  handoffBrowser: BrowserContext;
  handoffExtensionId: string;
  records: RecordServers;
}

interface HandoffFixtures {
  /** The extension's service worker (the background), woken if it was stopped. */
  background: () => Promise<Worker>;
  /** The record page in a tab of its own, in front. */
  recordPage: Page;
}

export const test = base.extend<HandoffFixtures, HandoffWorkerFixtures>({
  handoffBrowser: [
    async ({}, use) => {
      const context = await launchChromiumWithExtension(HANDOFF_CHROME_BUILD, { viewport: { width: 900, height: 900 }, locale: 'fi-FI' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  handoffExtensionId: [
    async ({ handoffBrowser }, use) => use(await extensionIdOf(handoffBrowser)),
    { scope: 'worker' },
  ],
  records: [
    async ({}, use) => {
      const servers = await startRecordServers();
      await use(servers);
      await servers.close();
    },
    { scope: 'worker' },
  ],
  background: async ({ handoffBrowser, handoffExtensionId }, use) => {
    await use(async () => {
      const existing = handoffBrowser.serviceWorkers().find((worker) => worker.url().includes(handoffExtensionId));
      if (existing) return existing;
      // A stopped MV3 worker starts again for any extension event: open an extension page.
      const page = await handoffBrowser.newPage();
      await page.goto(`chrome-extension://${handoffExtensionId}/popup.html`);
      await page.close();
      return handoffBrowser.serviceWorkers().find((worker) => worker.url().includes(handoffExtensionId)) ?? handoffBrowser.waitForEvent('serviceworker');
    });
  },
  recordPage: async ({ handoffBrowser, handoffExtensionId, records }, use) => {
    const blank = await handoffBrowser.newPage();
    await blank.goto(`chrome-extension://${handoffExtensionId}/popup.html`);
    await blank.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      await Promise.all([storage.local.clear(), storage.session.clear()]);
    });
    await blank.close();
    const page = await handoffBrowser.newPage();
    await page.goto(records.url);
    await page.frameLocator('#cross').locator('#inner').waitFor();
    await use(page);
    await Promise.all(handoffBrowser.pages().map((open) => open.close()));
  },
});

export { expect } from '@playwright/test';
