/**
 * Page objects for the popup, named after what the nurse does. Selectors follow the popup's
 * accessibility contract (roles and accessible names), so a test that passes also says the
 * popup is usable with a screen reader and the keyboard.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export const SEARCH_LABEL = 'Hae tarpeen mukaan';
const RESULTS_LABEL = 'Hakutulokset';
const COPIED_TEXT = 'Kopioitu';
const NO_RESULTS_TEXT = 'Ei osumia';
export const FILTER_LABELS = ['Kunta', 'Palvelun tyyppi', 'Kohderyhmä', 'Kieli'] as const;
export type FilterLabel = (typeof FILTER_LABELS)[number];

/** Referral notes are wrapped at 72 columns: compare them as one line of single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a value until two reads in a row agree: results may re-render once more after a keystroke. */
async function settled<T>(read: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let previous = JSON.stringify(await read());
  for (;;) {
    await sleep(150);
    const value = await read();
    const current = JSON.stringify(value);
    if (current === previous || Date.now() > deadline) return value;
    previous = current;
  }
}

/** The popup in Chromium, driven by Playwright. */
export class Popup {
  readonly searchbox: Locator;
  readonly resultList: Locator;
  /** The result cards only (a card may hold lists of its own, e.g. contacts). */
  readonly resultItems: Locator;
  readonly selectedResult: Locator;
  readonly status: Locator;
  readonly noResults: Locator;

  constructor(readonly page: Page) {
    this.searchbox = page.getByRole('searchbox', { name: SEARCH_LABEL });
    this.resultList = page.getByRole('list', { name: RESULTS_LABEL });
    this.resultItems = this.resultList.locator(':scope > li');
    this.selectedResult = this.resultList.locator(':scope > li[aria-current="true"]');
    this.status = page.getByRole('status');
    this.noResults = page.getByText(NO_RESULTS_TEXT);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.searchbox).toBeVisible();
  }

  /** Types a need into the search box (replacing what was there) and waits for the answer. */
  async search(text: string): Promise<void> {
    await this.searchbox.fill(text);
    await this.waitForAnswer();
  }

  /** Waits until the popup shows either results or the no-results state. */
  async waitForAnswer(): Promise<void> {
    await expect(this.resultItems.first().or(this.noResults)).toBeVisible();
  }

  /** The service names of the results, in the order shown. */
  async results(): Promise<string[]> {
    await this.waitForAnswer();
    return settled(async () => (await this.resultItems.locator('h2').allTextContents()).map(oneLine));
  }

  result(serviceName: string): Locator {
    return this.resultItems.filter({ has: this.page.locator('h2', { hasText: serviceName }) });
  }

  /** The service name of the result the keyboard has selected. */
  async selectedName(): Promise<string> {
    await expect(this.selectedResult).toHaveCount(1);
    return oneLine((await this.selectedResult.locator('h2').textContent()) ?? '');
  }

  copyButton(result: Locator): Locator {
    return result.getByRole('button', { name: /^Kopioi lähete/ });
  }

  async pressEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  async pressArrowDown(): Promise<void> {
    await this.page.keyboard.press('ArrowDown');
  }

  async pressArrowUp(): Promise<void> {
    await this.page.keyboard.press('ArrowUp');
  }

  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  filter(label: FilterLabel): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  /** The folded filter line ("Rajaa hakua", "Rajaukset: Vantaa · ruotsi"); it opens the filters. */
  get filterSummary(): Locator {
    return this.page.getByRole('button', { name: /^(Rajaa hakua|Rajaukset:)/ });
  }

  /** Unfolds the filters (they are folded into one line until she opens them). */
  async openFilters(): Promise<void> {
    if ((await this.filterSummary.getAttribute('aria-expanded')) !== 'true') await this.filterSummary.click();
  }

  /** Picks a filter option by its visible text, e.g. `chooseFilter('Kunta', 'Kerava')`. */
  async chooseFilter(label: FilterLabel, option: string): Promise<void> {
    await this.openFilters();
    await this.filter(label).selectOption({ label: option });
  }

  /** Waits for the "copied" announcement, then returns what the clipboard holds. */
  async copiedNote(): Promise<string> {
    await expect(this.status).toContainText(COPIED_TEXT);
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

/**
 * The popup in Firefox, driven by puppeteer-core over WebDriver BiDi. Plain CSS selectors:
 * the contract's roles map to these elements (input[type=search] is the searchbox).
 */
export class FirefoxPopup {
  static readonly SEARCHBOX = 'input[type="search"]';
  static readonly RESULT_ITEMS = `ul[aria-label="${RESULTS_LABEL}"] > li`;
  static readonly STATUS = '[role="status"]';

  constructor(readonly page: PuppeteerPage) {}

  /** `page.goto('moz-extension://…')` loads the page but never resolves: poll instead. */
  async open(url: string, timeoutMs = 15_000): Promise<void> {
    void this.page.goto(url).catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const loaded = await this.page
        .evaluate(() => document.readyState === 'complete' && location.href)
        .catch(() => false);
      if (loaded === url) break;
      if (Date.now() > deadline) throw new Error(`Firefox did not load ${url} (last seen: ${String(loaded)})`);
      await sleep(100);
    }
    await this.page.waitForSelector(FirefoxPopup.SEARCHBOX, { visible: true, timeout: timeoutMs });
  }

  /**
   * Polls a predicate in the page. puppeteer's waitForFunction builds it with Function(),
   * which the extension page's CSP blocks in Firefox ESR; evaluate() is not affected.
   */
  private async poll(predicate: (a: string, b: string) => boolean, a: string, b: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.page.evaluate(predicate, a, b))) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${predicate.toString()}`);
      await sleep(50);
    }
  }

  async searchHasFocus(): Promise<boolean> {
    return this.page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, FirefoxPopup.SEARCHBOX);
  }

  /** The search box's accessible name from its label or aria attributes. */
  async searchLabel(): Promise<string> {
    return this.page.evaluate((selector) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) return '';
      const byId = input.getAttribute('aria-labelledby');
      if (byId) return byId.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return input.getAttribute('aria-label') ?? [...(input.labels ?? [])].map((label) => label.textContent).join(' ');
    }, FirefoxPopup.SEARCHBOX);
  }

  /** Types a need into the search box the way the nurse does, key by key. */
  async search(text: string): Promise<void> {
    await this.page.focus(FirefoxPopup.SEARCHBOX);
    await this.page.keyboard.type(text);
    await this.poll(
      (items, empty) => document.querySelector(items) !== null || (document.body.textContent ?? '').includes(empty),
      FirefoxPopup.RESULT_ITEMS,
      NO_RESULTS_TEXT,
    );
  }

  async results(): Promise<string[]> {
    return settled(() =>
      this.page.$$eval(`${FirefoxPopup.RESULT_ITEMS} h2`, (headings) => headings.map((h) => h.textContent ?? '')),
    ).then((names) => names.map(oneLine));
  }

  async pressEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  async statusText(): Promise<string> {
    return this.page.$eval(FirefoxPopup.STATUS, (el) => el.textContent ?? '').catch(() => '');
  }

  /** Waits for the "copied" announcement, then returns what the clipboard holds. */
  async copiedNote(): Promise<string> {
    await this.poll(
      (selector, copied) => (document.querySelector(selector)?.textContent ?? '').includes(copied),
      FirefoxPopup.STATUS,
      COPIED_TEXT,
    );
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: true });
  }
}
