/**
 * Catalogue sync in Firefox ESR (production MV2 build, puppeteer-core over BiDi): a feed on
 * 127.0.0.1 publishes a signed higher revision; once the feed is configured, the background
 * page fetches it and the open popup finds the new service.
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

test('Firefox: a signed higher revision from the feed reaches the open popup', async ({ firefoxPopup: popup }) => {
  // Firefox starts slowly and types key by key over BiDi; the sync itself takes under a second.
  test.setTimeout(60_000);
  const key = await generateSigningKeyPair();
  server.publish(await signedFeed(2, key));

  await popup.search(NEW_SERVICE_QUERY);
  expect(await popup.results()).not.toContain(NEW_SERVICE_NAME);

  await popup.page.evaluate(
    (settings) =>
      (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser.storage.local.set({
        syncSettings: settings,
      }),
    { feedUrl: server.url, trustedPublicKeys: [key.publicKey] },
  );

  // The settings change starts an attempt in the background page; the popup swaps live.
  const deadline = Date.now() + 15_000;
  let names: string[] = [];
  while (!names.includes(NEW_SERVICE_NAME) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    names = await popup.results();
  }
  expect(names).toContain(NEW_SERVICE_NAME);
  const footer = await popup.page.evaluate(() => document.body.textContent ?? '');
  expect(footer).toMatch(/Tiedot päivitetty \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2} · versio 2/);
});
