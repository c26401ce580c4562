/**
 * The report journey in Firefox (MV2 background page, moz-extension origin): card → form →
 * submit → the local endpoint receives the report through CORS.
 */
import { ReportServer } from '../report-server';
import { expect, test } from './fixtures';
import { FirefoxPopup } from './popup-page';
import { reportedToday } from './reports-page';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('Firefox: a stale-contact report from the card reaches the endpoint once', async ({ firefoxPopup: popup }) => {
  const server = new ReportServer();
  await server.start();
  try {
    // The options page's setting, written the way the page stores it.
    await popup.page.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser;
      await api.storage.local.set({ reportSettings: { reportUrl: url } });
    }, server.url);
    await popup.search('omaishoitaja tuki');
    const card = `${FirefoxPopup.RESULT_ITEMS}:first-child`;
    await popup.page.click(`${card} button.report-button`);
    await popup.page.waitForSelector(`${card} form.report-form select`, { visible: true });
    expect(await popup.page.evaluate((selector) => document.activeElement === document.querySelector(selector), `${card} form.report-form select`)).toBe(true);
    await popup.page.click(`${card} form.report-form button[type="submit"]`);

    for (let waited = 0; server.reports.length === 0 && waited < 10_000; waited += 100) await sleep(100);
    expect(server.reports).toHaveLength(1);
    expect(server.posts[0]?.origin).toMatch(/^moz-extension:\/\//);
    const cardText = await popup.page.$eval(card, (element) => element.textContent ?? '');
    expect(cardText).toContain(reportedToday());
  } finally {
    await server.stop();
  }
});
