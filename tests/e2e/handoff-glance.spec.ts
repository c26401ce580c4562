/**
 * Three results at a glance (issue 16, item 1): in the 460 × 600 popup with today's
 * info-session banner on and a common need typed, at least three result items (headed by the
 * service name, with organisation and main contact) are wholly visible without scrolling.
 * Measured before the change: 0 items (1 without the banner).
 */
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { countWhollyVisible } from './layout-checks';
import { SEARCH_LABEL } from './popup-page';
import { expect, test } from './sessions-fixtures';

const DURING_MYYRMAKI = '2026-11-26T13:15:00+02:00';

/** Her site is Myyrmäki (stored the way the site picker stores it), the clock in its session. */
async function popupWithBanner(openDemoPopup: (time: string) => Promise<Page>, cityFilter?: string): Promise<Page> {
  const page = await openDemoPopup(DURING_MYYRMAKI);
  await page.evaluate(async (city) => {
    const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    await storage.local.set({
      homeSites: { siteIds: ['myyrmaki-terveysasema'], dismissed: true },
      ...(city ? { preferences: { city, noteLanguage: 'fi', uiLanguage: 'auto' } } : {}),
    });
  }, cityFilter);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Järjestöinfo tänään' }).getByText('Nyt paikalla').first()).toBeVisible();
  return page;
}

test('three results at a glance with the banner on and "omaishoitaja tuki" typed', async ({ openDemoPopup }) => {
  const page = await popupWithBanner(openDemoPopup);
  const search = page.getByRole('searchbox', { name: SEARCH_LABEL });
  await search.fill('omaishoitaja tuki');
  const items = page.getByRole('list', { name: 'Hakutulokset' }).locator(':scope > li');
  await expect(items.nth(3)).toBeAttached();
  // Let the banner settle into its compact size and the fonts load.
  await page.waitForTimeout(300);
  const visible = await page.evaluate(countWhollyVisible);
  console.log(`wholly visible result items at 460×600 with the banner: ${visible}`);
  await page.screenshot({ path: test.info().outputPath('glance-banner-results.png') });
  expect(visible).toBeGreaterThanOrEqual(3);

  // Each item is headed by the service name and shows the organisation and the main contact.
  for (let i = 0; i < 3; i++) {
    const item = items.nth(i);
    await expect(item.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(item.locator('.organisation-name')).toBeVisible();
    await expect(item.locator('.main-contact')).toBeVisible();
  }
  // Details and buttons open on the selected one only.
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(0).getByRole('button', { name: /^Kopioi lähete/ })).toBeVisible();
  await expect(items.nth(1).getByRole('button', { name: /^Kopioi lähete/ })).toHaveCount(0);
  const [firstActionsBottom, areaBottom] = await page.evaluate(() => [
    document.querySelector('ul.results > li .actions')!.getBoundingClientRect().bottom,
    document.querySelector('.results-area')!.getBoundingClientRect().bottom,
  ]);
  expect(firstActionsBottom, 'the first item’s buttons are above the footer').toBeLessThanOrEqual(areaBottom);

  // ↓ moves the selection and its details; Enter copies its note; Esc clears.
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(1).getByRole('button', { name: /^Kopioi lähete/ })).toBeVisible();
  await expect(items.nth(0).getByRole('button', { name: /^Kopioi lähete/ })).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
});

test('filters fold into one line that says what is active; axe finds nothing', async ({ openDemoPopup }) => {
  const page = await popupWithBanner(openDemoPopup, 'vantaa');
  const summary = page.locator('.filter-summary');
  await expect(summary).toHaveText('Rajaukset: Vantaa');
  await summary.click();
  await page.getByRole('combobox', { name: 'Kieli', exact: true }).selectOption({ label: 'ruotsi' });
  await expect(summary).toHaveText('Rajaukset: Vantaa · ruotsi');
  await page.getByRole('searchbox', { name: SEARCH_LABEL }).fill('omaishoitaja tuki');
  // With Swedish-language services only, the answer may be results or "no results": both are checked by axe.
  await expect(page.getByRole('list', { name: 'Hakutulokset' }).locator(':scope > li').first().or(page.locator('section.state'))).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), scheme).toEqual([]);
  }
});
