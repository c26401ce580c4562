/**
 * The same card in Firefox (MV2 build, puppeteer-core over BiDi): the popup's clock is fixed
 * by replacing Date in the page before the search (the cards read the clock when they mount).
 */
import { expect, FIREFOX_EXTENSION_UUID, test } from './fixtures';
import { FirefoxPopup } from './popup-page';


const THURSDAY_1300 = Date.parse('2026-12-03T11:00:00Z');

test("Firefox: the card shows the service's own phone with 'Auki nyt' at a fixed clock", async ({ firefox }) => {
  const page = await firefox.newPage();
  const popup = new FirefoxPopup(page);
  await popup.open(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`);
  // Preload scripts do not reach extension pages in Firefox; the cards read the clock when they
  // mount (after the search), so replacing Date now fixes their "now".
  await page.evaluate((fixed: number) => {
    const RealDate = Date;
    class FixedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(fixed);
        else super(...(args as [number]));
      }
      static override now(): number {
        return fixed;
      }
    }
    globalThis.Date = FixedDate as DateConstructor;
  }, THURSDAY_1300);
  await popup.search('pelirajaton');
  const text = await page.evaluate(() => {
    const card = [...document.querySelectorAll('ul[aria-label="Hakutulokset"] > li')].find((li) => li.querySelector('h2')?.textContent?.includes('Pelirajaton'));
    return card?.querySelector('.main-contact')?.textContent ?? '';
  });
  expect(text).toContain('0800 100 101');
  expect(text).toContain('Auki nyt · sulkeutuu klo 18');
  await page.close();
});
