/**
 * The popup's look, checked the way a nurse would trip over it: every state in light and
 * dark, in Finnish, Swedish and English. Each state is saved as a screenshot for review
 * (test-results/…/layout-*.png) and checked for what screenshots showed going wrong:
 * text cut off, horizontal scrolling, and the search box jumping while she types.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface LayoutProblems {
  horizontalOverflow: number;
  clipped: string[];
}

/** Text that does not fit its box (cut off or overflowing) and page-wide horizontal scroll. */
async function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    const candidates = document.querySelectorAll<HTMLElement>(
      'h1, h2, p, a, button, label, select, .badge, [role="status"]',
    );
    for (const element of candidates) {
      if (element.offsetParent === null) continue;
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') {
        clipped.push(`${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 60)}`);
      }
      const box = element.getBoundingClientRect();
      if (box.right > document.documentElement.clientWidth + 1) {
        clipped.push(`off-screen ${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 60)}`);
      }
    }
    return {
      horizontalOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      clipped,
    };
  });
}

const LANGUAGES = [
  { code: 'fi', query: 'omaishoitaja tuki', show: 'Näytä lähete' },
  { code: 'sv', query: 'närståendevårdare', show: 'Visa hänvisning' },
  { code: 'en', query: 'family carer support', show: 'Show note' },
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const language of LANGUAGES) {
    test(`${language.code}, ${scheme}: no state cuts text off, scrolls sideways or moves the search box`, async ({
      popup,
    }, testInfo) => {
      const page = popup.page;
      await page.emulateMedia({ colorScheme: scheme });
      // The options page's language setting, stored the way the options page stores it.
      await page.evaluate(async (uiLanguage) => {
        const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        const stored = (await storage.local.get('preferences')) as { preferences?: object };
        await storage.local.set({ preferences: { ...(stored.preferences ?? {}), uiLanguage } });
      }, language.code);
      await expect(page.locator('.popup')).toHaveAttribute('lang', language.code);
      const searchbox = page.getByRole('searchbox');
      // The page object's locators are Finnish; here the structure is what matters.
      const resultItems = page.locator('ul.results > li');
      const noResults = page.locator('section.state');
      const waitForAnswer = () => expect(resultItems.first().or(noResults)).toBeVisible();

      const shoot = async (state: string) => {
        const name = `layout-${language.code}-${scheme}-${state}.png`;
        const file = testInfo.outputPath(name);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
        expect(await layoutProblems(page), `${state}`).toEqual({ horizontalOverflow: 0, clipped: [] });
      };

      await shoot('empty');
      const top = (await searchbox.boundingBox())?.y;

      // Typing letter by letter: the search box stays where it is at every step.
      for (const prefix of [language.query.slice(0, 4), language.query]) {
        await searchbox.fill(prefix);
        await waitForAnswer();
        expect((await searchbox.boundingBox())?.y, `search box after "${prefix}"`).toBe(top);
      }
      await expect(resultItems.first()).toBeVisible();
      await shoot('results');

      await page.getByRole('button', { name: language.show }).first().click();
      await shoot('note-preview');

      await searchbox.focus();
      await popup.pressEnter();
      await expect(popup.status).not.toBeEmpty();
      await shoot('copied');

      await searchbox.fill('xqzvwk');
      await expect(noResults).toBeVisible();
      expect((await searchbox.boundingBox())?.y, 'search box with no results').toBe(top);
      await shoot('no-results');
    });
  }
}
