/**
 * Search a nurse can trust, in the real popup (Chromium, production build): a crisis query
 * shows the crisis help's numbers at the top without a click, in Finnish, Swedish and English;
 * a need no service meets says so plainly and shows the closest few apart. Screenshots go to
 * test-results/; `SAVE_SCREENSHOTS=1 npx playwright test tests/e2e/search-trust.spec.ts`
 * refreshes the ones kept in docs/screenshots/ (docs/search.md).
 */
import path from 'node:path';
import { axeViolations } from './axe';
import { catalogue, organisation } from './catalogue';
import { expect, test } from './fixtures';
import { findLayoutProblems, NO_LAYOUT_PROBLEMS } from './layout-checks';

const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
/** The first number of a service as the catalogue gives it (its own, else its organisation's). */
function firstNumber(serviceId: string): string {
  const service = catalogue.services.find((candidate) => candidate.id === serviceId)!;
  return (service.phones ?? organisation(service.organisationId).phones ?? [])[0]!.display;
}
const MIELI_LINE = firstNumber('mieli-ry-mieli-kriisipuhelin');
const SHELTER_LINE = firstNumber('vantaan-turvakoti-turvakoti');

const CASES = [
  { code: 'fi', crisis: 'haluan kuolla', heading: 'Kriisiapu nyt', number: MIELI_LINE, none: 'silmälasit rikki', weak: 'Ei suoraa osumaa — lähimmät:' },
  { code: 'sv', crisis: 'mannen slår mig', heading: 'Krishjälp nu', number: SHELTER_LINE, none: 'hyrbil för semester', weak: 'Ingen direkt träff — närmast:' },
  { code: 'en', crisis: 'want to end my life', heading: 'Crisis help now', number: MIELI_LINE, none: 'dog sitter for holiday', weak: 'No direct match — the closest:' },
] as const;

for (const language of CASES) {
  test(`${language.code}: a crisis query shows the crisis numbers at the top; a need nothing meets says so`, async ({ popup }, testInfo) => {
    const page = popup.page;
    const shot = (name: string) => (process.env.SAVE_SCREENSHOTS ? path.join(DOCS_SCREENSHOTS, name) : testInfo.outputPath(name));
    await page.evaluate(async (uiLanguage) => {
      const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      await storage.local.set({ preferences: { uiLanguage } });
    }, language.code);
    await expect(page.locator('.popup')).toHaveAttribute('lang', language.code);
    const searchbox = page.getByRole('searchbox');

    await searchbox.fill(language.crisis);
    const header = page.getByRole('region', { name: new RegExp(language.heading) });
    await expect(header).toBeVisible();
    // The number is a tel: link, visible without opening anything, above the result list.
    const call = header.getByRole('link', { name: language.number });
    await expect(call).toBeInViewport();
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d+$/);
    const headerBox = (await header.boundingBox())!;
    const listBox = (await page.locator('ul.results').boundingBox())!;
    expect(headerBox.y).toBeLessThan(listBox.y);
    expect(await page.evaluate(findLayoutProblems)).toEqual(NO_LAYOUT_PROBLEMS);
    await page.screenshot({ path: shot(`crisis-${language.code}.png`) });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), `axe, crisis header, ${scheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await searchbox.fill(language.none);
    await expect(page.getByText(language.weak)).toBeInViewport();
    await expect(header).toBeHidden();
    expect(await page.locator('ul.results > li').count()).toBeLessThanOrEqual(3);
    expect(await page.evaluate(findLayoutProblems)).toEqual(NO_LAYOUT_PROBLEMS);
    await page.screenshot({ path: shot(`no-direct-match-${language.code}.png`) });
    expect(await axeViolations(page), 'axe, no direct match').toEqual([]);

    // A need the catalogue meets: no such note, no crisis header.
    await searchbox.fill('omaishoitaja tuki');
    await expect(page.locator('ul.results > li').first()).toBeVisible();
    await expect(page.getByText(language.weak)).toBeHidden();
    await expect(header).toBeHidden();
  });
}

// Crisis wording the phrase lists once missed (issue 20): another person, another tense.
test('"taking my life" in Swedish and English shows the crisis line at the top', async ({ popup }) => {
  const page = popup.page;
  const searchbox = page.getByRole('searchbox');
  for (const query of ['jag har tänkt på att ta mitt liv', 'she wants to end her life']) {
    await searchbox.fill(query);
    const header = page.getByRole('region', { name: /Kriisiapu nyt/ });
    await expect(header, query).toBeVisible();
    await expect(header.getByRole('link', { name: MIELI_LINE }), query).toBeInViewport();
  }
});
