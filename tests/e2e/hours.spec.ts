/**
 * Catalogue v2 on the card (Chromium, production MV3 build, Playwright's clock as the popup's
 * "now"): the service's own phone first with today's state, "Päivystys 24 h" for the crisis
 * line, the "auki nyt" filter, and the note with the service's own contacts and hours.
 * With SCREENSHOTS=1 the card and note pictures are written to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Popup } from './popup-page';

// Thursday 3.12.2026 at 13.00 in Helsinki (+02:00).
const THURSDAY_1300 = '2026-12-03T11:00:00Z';
// Saturday 5.12.2026 at 13.00 in Helsinki.
const SATURDAY_1300 = '2026-12-05T11:00:00Z';
const SHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

async function openAt(page: Page, extensionId: string, time: string): Promise<Popup> {
  await page.clock.install({ time: new Date(time) });
  const popup = new Popup(page);
  await popup.open(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  return popup;
}

/** The whole card with its note preview: the popup's height cap is lifted for the picture only. */
async function shoot(card: Locator, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const page = card.page();
  await page.setViewportSize({ width: 460, height: 1600 });
  await page.addStyleTag({ content: '.popup { max-height: none !important } .results-area { overflow: visible !important }' });
  await card.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test("the card shows the service's own phone with 'Auki nyt' and today's closing time", async ({ context, extensionId }) => {
  const popup = await openAt(await context.newPage(), extensionId, THURSDAY_1300);
  await popup.search('pelirajaton');
  const card = popup.result('Pelirajaton');
  // The result item's one contact line (issue16's compact layout) is the service's own phone.
  const phone = card.locator('.main-contact');
  await expect(phone.getByRole('link', { name: '0800 100 101' })).toHaveAttribute('href', 'tel:+358800100101');
  await expect(phone).toContainText('Auki nyt · sulkeutuu klo 18');
});

test("the crisis line says 'Päivystys 24 h', its own number first; the note lists its lines with hours", async ({ context, extensionId }) => {
  const popup = await openAt(await context.newPage(), extensionId, SATURDAY_1300);
  await popup.search('kriisipuhelin');
  const card = popup.result('MIELI Kriisipuhelin').first();
  const first = card.locator('.main-contact');
  await expect(first.getByRole('link', { name: '09 2525 0111' })).toBeVisible();
  await expect(first).toContainText('Päivystys 24 h');
  await card.getByRole('button', { name: 'Näytä lähete' }).click();
  // The opened card lists every line; the English one is open on Fridays 9–13 only.
  await expect(card.locator('.contact-row').first()).toContainText('09 2525 0111');
  await expect(card).toContainText('Suljettu · avautuu pe klo 9');
  await shoot(card, 'card-crisis-line');
  await popup.copyButton(card).click();
  const note = await popup.copiedNote();
  expect(note).toContain('Puhelin: 09 2525 0111 (MIELI Kriisipuhelin suomeksi, 24/7)');
  expect(note).toContain('Verkossa: mieli.fi/helpline');
  expect(note).toContain('Yhteystiedot tarkistamatta');
});

test("the caregivers' association shows its organisation's contacts, said so, and the note says the same", async ({ context, extensionId }) => {
  const popup = await openAt(await context.newPage(), extensionId, THURSDAY_1300);
  await popup.search('omaishoitaja tuki');
  const card = popup.resultItems.first();
  await expect(card).toContainText('Pääkaupunkiseudun Omaishoitajat');
  await expect(card.locator('.main-contact').getByRole('link', { name: 'polli.fi' })).toBeVisible();
  await card.getByRole('button', { name: 'Näytä lähete' }).click();
  await expect(card).toContainText('Järjestön yhteystiedot (palvelulla ei omia)');
  await shoot(card, 'card-caregivers');
  await popup.copyButton(card).click();
  const note = await popup.copiedNote();
  expect(note).toContain('Yhteystiedot ovat järjestön (palvelulla ei omia):');
  expect(note).toMatch(/Verkossa: polli\.fi/);
});

test("'Auki nyt' keeps only what is open or on call now", async ({ context, extensionId }) => {
  const popup = await openAt(await context.newPage(), extensionId, SATURDAY_1300);
  await popup.search('peliongelma');
  await expect(popup.result('Pelirajaton')).toHaveCount(1);
  await popup.openFilters();
  await popup.page.getByRole('checkbox', { name: 'Auki nyt' }).check();
  await expect(popup.filterSummary).toContainText('Auki nyt');
  await expect(popup.result('Pelirajaton')).toHaveCount(0);
  await popup.search('kriisi');
  await expect(popup.result('MIELI Kriisipuhelin').first()).toBeVisible();
});
