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

test('saving the feed settings stores only what was changed; "Käytä oletusta" forgets a field (issue 12, item 7)', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const stored = () =>
    options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local;
      return (await api.get('syncSettings')).syncSettings ?? {};
    });
  const interval = options.getByLabel('Tarkistusväli tunteina');
  await expect(interval).toHaveValue('6');
  await expect(options.getByText('Oletusarvo: seuraa laajennuksen päivityksiä.').first()).toBeVisible();

  // Unchanged: the build's default interval must not become "her" setting.
  await options.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(options.getByText('Asetukset tallennettu.')).toBeVisible();
  expect(await stored()).toEqual({});

  await interval.fill('12');
  await options.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect.poll(stored).toEqual({ refreshIntervalHours: 12 });

  await options.getByRole('button', { name: 'Käytä oletusta: Tarkistusväli tunteina' }).click();
  await expect.poll(stored).toEqual({});
  await expect(interval).toHaveValue('6');
});
