/**
 * Catalogue sync end to end in Chromium (production MV3 build): the extension starts on its
 * bundled catalogue, a feed on 127.0.0.1 publishes a higher revision with a new service, a
 * forged copy is refused with its reason shown, the real one arrives with "Päivitä nyt", and
 * the open popup finds the new service without being reopened.
 */
import { generateSigningKeyPair } from '../../utils/sync/signature';
import { startFeedServer, type FeedServer } from '../unit/sync-feed-server';
import { expect, test } from './fixtures';
import { NEW_SERVICE_NAME, NEW_SERVICE_QUERY, signedFeed } from './sync-feed';

let server: FeedServer;
test.beforeAll(async () => {
  server = await startFeedServer();
});
test.afterAll(async () => {
  await server?.close();
});

test('a signed higher revision reaches the popup; a forged one is refused with its reason', async ({ context, extensionId, popup }) => {
  const [trusted, forger] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);

  // Bundled catalogue: the new service does not exist yet.
  await popup.search(NEW_SERVICE_QUERY);
  expect(await popup.results()).not.toContain(NEW_SERVICE_NAME);

  // A forged revision 2 is published, then the feed is configured (as the options page or a
  // policy would); the background tries at once and refuses it.
  server.publish(await signedFeed(2, forger));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate(
    (settings) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ syncSettings: settings }),
    { feedUrl: server.url, trustedPublicKeys: [trusted.publicKey] },
  );
  await expect(options.getByTestId('sync-last-attempt')).toContainText('tuntematon avain');
  await expect(popup.page.getByTestId('sync-failure')).toContainText('Luettelon päivitys epäonnistui: luettelon oli allekirjoittanut tuntematon avain.');
  await popup.search(NEW_SERVICE_QUERY);
  expect(await popup.results()).not.toContain(NEW_SERVICE_NAME);

  // The real revision 2; the nurse presses "Päivitä nyt".
  server.publish(await signedFeed(2, trusted));
  await options.getByRole('button', { name: 'Päivitä nyt' }).click();
  await expect(options.getByTestId('sync-last-attempt')).toContainText('uusi versio otettiin käyttöön');
  await expect(options.getByTestId('sync-in-use')).toContainText('versio 2');

  // The open popup swapped to the new catalogue: found, and the footer says so.
  await expect(popup.result(NEW_SERVICE_NAME)).toBeVisible();
  await expect(popup.page.getByTestId('sync-failure')).toBeEmpty();
  await expect(popup.page.getByText(/Tiedot päivitetty \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2} · versio 2/)).toBeVisible();

  // A second "Päivitä nyt" is a conditional GET answered 304: nothing downloaded.
  await options.getByRole('button', { name: 'Päivitä nyt' }).click();
  await expect(options.getByText(/Siirretty 0 tavua/)).toBeVisible();
  const catalogueRequests = server.requests.filter((request) => request.path === '/catalogue.json');
  expect(catalogueRequests.at(-1)?.headers['if-none-match']).toMatch(/^".+"$/);
  // Privacy: nothing but the conditional GET (no cookies, no referrer).
  expect(catalogueRequests.at(-1)?.headers.cookie).toBeUndefined();
  expect(catalogueRequests.at(-1)?.headers.referer).toBeUndefined();
});

test('the options page checks the settings, saves the interval, and the alarm follows', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const interval = options.getByLabel('Tarkistusväli tunteina');
  await expect(interval).toHaveValue('6');

  await interval.fill('0');
  await options.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(options.getByText('Tarkista arvot')).toBeVisible();

  await interval.fill('12');
  await options.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(options.getByText('Asetukset tallennettu.')).toBeVisible();
  const worker = context.serviceWorkers().find((sw) => sw.url().startsWith(`chrome-extension://${extensionId}/`))!;
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome;
        return (await chrome.alarms.get('sync.catalogue'))?.periodInMinutes;
      }),
    )
    .toBe(12 * 60);
});
