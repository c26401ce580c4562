/**
 * The popup's look, checked the way a nurse would trip over it: every state in light and
 * dark, in Finnish, Swedish and English. Each state is saved as a screenshot for review
 * (test-results/…/layout-*.png) and checked for what screenshots showed going wrong:
 * text cut off, horizontal scrolling, and the search box jumping while she types.
 */
import { expect, test } from './fixtures';
import { findLayoutProblems, NO_LAYOUT_PROBLEMS } from './layout-checks';

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
        expect(await page.evaluate(findLayoutProblems), state).toEqual(NO_LAYOUT_PROBLEMS);
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
