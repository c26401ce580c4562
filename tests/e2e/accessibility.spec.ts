import { axeViolations } from './axe';
import { expect, test } from './fixtures';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in the ${scheme} colour scheme`, () => {
    test.beforeEach(async ({ popup }) => {
      await popup.page.emulateMedia({ colorScheme: scheme });
    });

    test('empty popup has no WCAG 2.1 AA violations', async ({ popup }) => {
      expect(await axeViolations(popup.page)).toEqual([]);
    });

    test('results have no WCAG 2.1 AA violations', async ({ popup }) => {
      await popup.search('omaishoitaja tuki');
      expect(await axeViolations(popup.page)).toEqual([]);
    });

    test('no results has no WCAG 2.1 AA violations', async ({ popup }) => {
      await popup.search('xqzvwk');
      await expect(popup.noResults).toBeVisible();
      expect(await axeViolations(popup.page)).toEqual([]);
    });

    test('options page has no WCAG 2.1 AA violations', async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Asetukset');
      expect(await axeViolations(page)).toEqual([]);
    });

    test('note preview and copied status have no WCAG 2.1 AA violations', async ({ popup }) => {
      await popup.search('omaishoitaja tuki');
      await popup.page.getByRole('button', { name: 'Näytä lähete' }).first().click();
      await expect(popup.page.getByRole('region', { name: /Lähetteen esikatselu/ })).toBeVisible();
      await popup.searchbox.focus();
      await popup.pressEnter();
      await expect(popup.status).toContainText('Kopioitu');
      expect(await axeViolations(popup.page)).toEqual([]);
    });
  });
}

test('the popup reflows at 200 % zoom without horizontal scrolling', async ({ popup }) => {
  // 200 % zoom of a 460 px popup leaves 230 CSS pixels of width.
  await popup.page.setViewportSize({ width: 230, height: 300 });
  await popup.search('omaishoitaja tuki');
  const overflow = await popup.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(popup.resultItems.first()).toBeVisible();
});
