/**
 * The client's printout (issue 16, item 4): the pick list's services on an A4 page in the
 * language she picks for the client, with website QR codes, and nothing for professionals only.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { catalogue } from './catalogue';
import type { Popup } from './popup-page';

async function pickAndPrint(popup: Popup): Promise<{ print: Page; names: string[] }> {
  // Help with violence at home: services the catalogue's sources call free and needing no referral.
  await popup.search('lähisuhdeväkivalta');
  const names = (await popup.results()).slice(0, 3);
  for (const position of [0, 1, 2]) {
    await popup.resultItems.nth(position).locator('h2').click();
    await popup.resultItems.nth(position).getByRole('button', { name: /^Lisää lähetteeseen/ }).click();
  }
  await popup.page.getByRole('button', { name: 'Lähetteessä 3/5' }).click();
  const [print] = await Promise.all([popup.page.context().waitForEvent('page'), popup.page.getByRole('button', { name: 'Tulosta asiakkaalle' }).click()]);
  await print.waitForLoadState();
  return { print, names };
}

test('the printout lists the chosen services for the client in Finnish and Swedish, with QR codes, nothing internal', async ({ popup }) => {
  const { print, names } = await pickAndPrint(popup);
  await print.setViewportSize({ width: 900, height: 1270 });
  await expect(print.getByRole('heading', { level: 1 })).toHaveText('Järjestöjen apua sinulle');
  await expect(print.getByRole('heading', { level: 2 })).toHaveText(names);
  await expect(print.locator('.print-service').getByText('Verkkosivut').first()).toBeVisible();
  await expect(print.getByRole('img', { name: /^QR-koodi verkkosivulle / }).first()).toBeVisible();
  // Its QR code is a real image (an SVG from the qrcode library), not an empty box.
  const qrSize = await print.getByRole('img', { name: /^QR-koodi/ }).first().evaluate((image: HTMLImageElement) => image.naturalWidth);
  expect(qrSize).toBeGreaterThan(20);
  // For the client: no verification state, no catalogue ids, nothing about the patient.
  const text = await print.locator('main').innerText();
  expect(text).not.toMatch(/tarkistamatta|tarkistettu|Ilmoita|lähete:/i);
  // "Maksuton" / "Ei lähetettä" exactly where the catalogue says so.
  for (const [position, name] of names.entries()) {
    const service = (catalogue.services as unknown as Array<{ name: string; cost: string; referral: string }>).find((candidate) => candidate.name === name)!;
    const terms = print.locator('.print-service').nth(position).locator('.print-term');
    await expect(terms).toHaveText([...(service.cost === 'free' ? ['Maksuton'] : []), ...(service.referral === 'none' ? ['Ei lähetettä'] : [])]);
  }
  await expect(print.locator('.print-term', { hasText: 'Maksuton' }).first()).toBeVisible();
  // For review (docs/screenshots/printout-fi.png is a copy of one run).
  await print.screenshot({ path: test.info().outputPath('printout-fi.png'), fullPage: true });

  await print.getByLabel('Asiakkaan kieli').selectOption('sv');
  await expect(print.getByRole('heading', { level: 1 })).toHaveText('Hjälp från organisationer för dig');
  await expect(print.locator('main')).toHaveAttribute('lang', 'sv');
  // The catalogue's descriptions are Finnish only: they stay Finnish and say so.
  await expect(print.getByText('(på finska)').first()).toBeVisible();
  await expect(print.getByText('Avgiftsfri').first()).toBeVisible();
  await print.screenshot({ path: test.info().outputPath('printout-sv.png'), fullPage: true });

  // Printed: the nurse's controls are left out; A4 in large type.
  await print.emulateMedia({ media: 'print' });
  await expect(print.getByLabel('Asiakkaan kieli')).toBeHidden();
  const bodySize = await print.locator('.print-intro').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(bodySize, 'body text of at least 16 pt (21 px)').toBeGreaterThanOrEqual(21);
  const pdf = await print.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
