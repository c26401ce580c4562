/**
 * The options page, in Chromium against the production MV3 build.
 */
import { expect, test } from './fixtures';

test('choosing Swedish on the options page switches the popup, the note language stays apart', async ({
  context,
  extensionId,
  popup,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Käyttöliittymän kieli').selectOption('sv');
  // The page follows at once, and names the setting in the new language.
  await expect(options.getByLabel('Gränssnittets språk')).toHaveValue('sv');
  await expect(options.getByLabel('Hänvisningens språk')).toHaveValue('fi');

  // The open popup follows the stored preference without a reload.
  await expect(popup.page.getByRole('searchbox', { name: 'Sök efter behov' })).toBeVisible();
  await popup.page.getByRole('searchbox').fill('omaishoitaja tuki');
  await expect(popup.page.getByRole('button', { name: /^Kopiera hänvisning/ }).first()).toBeVisible();

  // Back to the browser's language (Finnish in these tests).
  await options.getByLabel('Gränssnittets språk').selectOption('auto');
  await expect(options.getByLabel('Käyttöliittymän kieli')).toHaveValue('auto');
  await expect(popup.searchbox).toBeVisible();
});

test('the popup footer opens the options page', async ({ context, popup }) => {
  const opened = context.waitForEvent('page');
  await popup.page.getByRole('button', { name: 'Asetukset' }).click();
  const options = await opened;
  await expect(options).toHaveURL(/options\.html$/);
  await expect(options.getByRole('heading', { level: 1 })).toContainText('Asetukset');
});
