/**
 * Info sessions in the popup of the demo build (the example booking sheet), with Playwright's
 * clock as the popup's "now". Thursday 26.11.2026: Myyrmäki health station has Vantaan
 * Kuuloyhdistys, Pääkaupunkiseudun Selkäyhdistys and Hyvinvointilomat from 13 to 14.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { catalogueSchema } from '../../utils/catalogue/schema';
import { badgeState } from '../../utils/sessions/badge';
import { axeViolations } from './axe';
import { SEARCH_LABEL } from './popup-page';
import { CHROME_BUILD } from './fixtures';
import { DEMO_BUILD, DEMO_CATALOGUE, expect, test } from './sessions-fixtures';

const DURING_MYYRMAKI = '2026-11-26T13:15:00+02:00';

function banner(page: Page) {
  return page.getByRole('region', { name: 'Järjestöinfo tänään' });
}

/**
 * The first-run question waits for the enterprise policy (an administrator may have set the
 * site), and Chromium answers the first policy read after browser start only after seconds.
 */
function siteQuestion(page: Page) {
  return page.getByText('Millä toimipisteellä työskentelet?');
}
const POLICY_READ = { timeout: 15_000 };

/** The nurse answers the first-run question. */
async function chooseSite(page: Page, site: string) {
  await expect(siteQuestion(page)).toBeVisible(POLICY_READ);
  await page.getByLabel('Oma toimipiste').selectOption({ label: site });
  await page.getByRole('button', { name: 'Tallenna' }).click();
}

test('the banner shows the session on now at her site, opens an organisation card, and is gone after the end', async ({ openDemoPopup }) => {
  const page = await openDemoPopup(DURING_MYYRMAKI);
  const search = page.getByRole('searchbox', { name: SEARCH_LABEL });
  await expect(page.getByText('Esimerkkiaikataulu (demo)')).toBeVisible();
  // The first-run question does not take the search box's focus.
  await expect(siteQuestion(page)).toBeVisible(POLICY_READ);
  await expect(search).toBeFocused();

  await chooseSite(page, 'Myyrmäen terveysasema');
  const session = banner(page).getByRole('listitem').filter({ hasText: 'Myyrmäen terveysasema' });
  await expect(session).toContainText('Nyt paikalla');
  await expect(session).toContainText('klo 13–14');
  await expect(session).toContainText('Kokemusasiantuntija paikalla');
  await expect(session.getByRole('button')).toHaveText(['Vantaan Kuuloyhdistys', 'Pääkaupunkiseudun Selkäyhdistykset', 'Hyvinvointilomat']);
  // Tikkurila's session at the same hour is one click away, not in the banner itself.
  const others = banner(page).locator('details', { hasText: 'Muut toimipisteet tänään (1)' });
  const tikkurila = others.getByRole('listitem').filter({ hasText: 'Tikkurilan terveysasema' });
  await expect(tikkurila).toBeHidden();
  await others.getByText('Muut toimipisteet tänään (1)').click();
  await expect(tikkurila).toContainText('Nyt paikalla');

  await page.screenshot({ path: test.info().outputPath('banner-on-now.png') });
  await session.getByRole('button', { name: 'Vantaan Kuuloyhdistys' }).click();
  const card = page.getByRole('region', { name: 'Vantaan Kuuloyhdistys ry' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Palvelut' })).toBeVisible();
  await expect(session.getByRole('button', { name: 'Vantaan Kuuloyhdistys' })).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: test.info().outputPath('banner-card.png') });

  // 14.01: every session of the day has ended (the example sheet's last day): nothing is left.
  await page.clock.fastForward('46:00');
  await expect(page.getByText('Nyt paikalla')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Vantaan Kuuloyhdistys' })).toBeHidden();
  await expect(banner(page).getByRole('listitem')).toHaveCount(0);
  await expect(search).toBeVisible();
});

test('before the session the banner says "Tänään klo 13–14"; the choice is remembered', async ({ openDemoPopup }) => {
  const first = await openDemoPopup('2026-11-26T09:00:00+02:00');
  await chooseSite(first, 'Myyrmäen terveysasema');
  await first.close();
  const page = await openDemoPopup('2026-11-26T09:00:00+02:00');
  await expect(siteQuestion(page)).toBeHidden();
  const session = banner(page).getByRole('listitem').filter({ hasText: 'Myyrmäen terveysasema' });
  await expect(session).toContainText('Tänään klo 13–14');
  await page.getByText('Tulevat järjestöinfot, 7 päivää').click();
  await expect(page.getByRole('heading', { name: 'torstaina 26.11.' })).toBeVisible();
});

test('a cancelled session shows as cancelled, and a staff Teams info shows its join link on its day', async ({ openDemoPopup }) => {
  const cancelled = await openDemoPopup('2026-10-29T12:00:00+02:00');
  await chooseSite(cancelled, 'Tikkurilan terveysasema');
  await expect(banner(cancelled).getByRole('listitem').filter({ hasText: 'Tikkurilan terveysasema' })).toContainText('Peruttu');
  const teams = await openDemoPopup('2026-12-08T13:00:00+02:00');
  const staff = banner(teams).getByRole('listitem').filter({ hasText: 'Teams-info ammattilaisille' });
  await expect(staff).toContainText('Tänään klo 14–14.30');
  await expect(staff.getByRole('link', { name: 'Liity Teams-infoon' })).toHaveAttribute('href', 'https://teams.microsoft.com/l/meetup-join/esimerkki-12');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the banner with an open organisation card has no WCAG 2.1 AA violations (${scheme})`, async ({ openDemoPopup }) => {
    const page = await openDemoPopup(DURING_MYYRMAKI);
    await page.emulateMedia({ colorScheme: scheme });
    await chooseSite(page, 'Myyrmäen terveysasema');
    await banner(page).getByRole('button', { name: 'Hyvinvointilomat' }).click();
    await banner(page).getByText('Tulevat järjestöinfot, 7 päivää').click();
    await expect(page.getByRole('region', { name: 'Hyvinvointilomat ry' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the background sets the badge and books one alarm for its next change, in the real browser', async ({ demoBrowser, openDemoPopup }) => {
  // The service worker runs on the real clock: compare with the pure function at the same "now".
  const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(DEMO_CATALOGUE, 'utf8')));
  await openDemoPopup(DURING_MYYRMAKI); // empties storage
  const [worker] = demoBrowser.serviceWorkers();
  await worker!.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
      homeSites: { siteIds: ['myyrmaki-terveysasema'], dismissed: true },
    }),
  );
  const read = () =>
    worker!.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> }; action: { getBadgeText(details: object): Promise<string> } } }).chrome;
      return { alarms: await api.alarms.getAll(), text: await api.action.getBadgeText({}) };
    });
  const expected = badgeState(new Date(), ['myyrmaki-terveysasema'], catalogue);
  // Other features book alarms of their own (catalogue refresh, report retries): look at ours.
  const badgeAlarms = async () =>
    (await read()).alarms.filter((alarm) => alarm.name.startsWith('sessions.')).map((alarm) => [alarm.name, alarm.scheduledTime]);
  await expect.poll(badgeAlarms).toEqual([['sessions.badge', expected.nextUpdate.getTime()]]);
  expect((await read()).text).toBe(expected.text);
});

test('her site chosen on the options page is the popup’s site', async ({ demoBrowser, demoExtensionId, openDemoPopup }) => {
  const popup = await openDemoPopup(DURING_MYYRMAKI);
  await expect(siteQuestion(popup)).toBeVisible(POLICY_READ);
  const options = await demoBrowser.newPage();
  await options.goto(`chrome-extension://${demoExtensionId}/options.html`);
  const sites = options.getByRole('group', { name: 'Oma toimipiste' });
  await sites.getByRole('checkbox', { name: 'Tikkurilan terveysasema' }).check();
  await expect(sites.getByRole('checkbox', { name: 'Tikkurilan terveysasema' })).toBeChecked();
  await expect(sites.getByRole('checkbox', { name: 'Myyrmäen terveysasema' })).not.toBeChecked();
  // The open popup follows at once: no question any more, Tikkurila's session in the banner.
  await expect(siteQuestion(popup)).toBeHidden();
  await expect(banner(popup).getByRole('listitem').filter({ hasText: 'Tikkurilan terveysasema' }).first()).toContainText('Nyt paikalla');
  await options.close();
});

test('the production build contains no example session; the demo build does', () => {
  const bundleText = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      // Scripts and the packed catalogue (catalogue/*.json) alike.
      .filter((entry) => entry.isFile() && /\.(js|json)$/.test(entry.name))
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
  // A Teams link and a session id only the example sheet has.
  const example = 'teams.microsoft.com/l/meetup-join/esimerkki';
  expect(bundleText(DEMO_BUILD)).toContain(example);
  expect(bundleText(CHROME_BUILD)).not.toContain(example);
  expect(bundleText(CHROME_BUILD)).not.toContain('2026-11-26-myyrmaki-terveysasema-1300');
  expect(bundleText(DEMO_BUILD)).toContain('2026-11-26-myyrmaki-terveysasema-1300');
});
