/**
 * One signed feed can no longer block every later update (issue 12, item 3): the stored feed
 * remembers its signing key and is dropped when that key is no longer trusted; a revision may
 * not jump too far; the administrator's policy sets a minimum revision or the bundled
 * catalogue. Real HTTP feed on 127.0.0.1, the browser's storage faked by WXT.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeCatalogueFrom } from '@/utils/sync/active-catalogue';
import { createSyncRunner } from '@/utils/sync/background';
import { generateSigningKeyPair, type SigningKeyPair } from '@/utils/sync/signature';
import { feedCatalogueItem, syncSettingsItem } from '@/utils/sync/storage';
import { startFeedServer, type FeedServer } from './sync-feed-server';
import { encode, feedCatalogue, signedPublication } from './sync-fixtures';
import { bundledCatalogue } from './helpers';

let server: FeedServer;
let first: SigningKeyPair;
let second: SigningKeyPair;
beforeAll(async () => {
  server = await startFeedServer();
  [first, second] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
});
afterAll(() => server.close());

const runner = () => createSyncRunner({ timeoutMs: 5_000, defaults: { feedUrl: null, trustedPublicKeys: [], refreshIntervalHours: 6 } });
const publish = async (revision: number, key: SigningKeyPair) => server.publish(await signedPublication(encode(feedCatalogue(revision)), key));
const inUse = async () => activeCatalogueFrom(bundledCatalogue(), await feedCatalogueItem.getValue());
const trust = (...keys: SigningKeyPair[]) => syncSettingsItem.setValue({ feedUrl: server.url, trustedPublicKeys: keys.map((key) => key.publicKey) });

beforeEach(async () => {
  fakeBrowser.reset();
  await publish(5, first);
  await trust(first);
  expect((await runner().run('install')).outcome).toBe('updated');
  expect((await feedCatalogueItem.getValue())?.signerKey).toBe(first.publicKey);
});

describe('feed trust', () => {
  it('a revision of 2^53−1 is refused as too big a jump, and the next honest revision still arrives', async () => {
    await publish(Number.MAX_SAFE_INTEGER, first);
    const state = await runner().run('alarm');
    expect(state.reason).toBe('revisionJump');
    expect((await inUse()).catalogue.revision).toBe(5);
    await publish(6, first);
    expect((await runner().run('alarm')).outcome).toBe('updated');
    expect((await inUse()).catalogue.revision).toBe(6);
  });

  it('removing the key drops the catalogue it signed; a lower revision from the new key is then taken', async () => {
    const refused = await (async () => {
      await trust(second);
      server.publish({ body: 'down', signature: null, status: 503 });
      return runner().run('settings');
    })();
    expect(refused.reason).toBe('httpError');
    expect(await feedCatalogueItem.getValue()).toBeNull();
    expect((await inUse()).source).toBe('bundled');
    expect(refused.detail).toMatch(/no longer trusted/);

    await publish(3, second);
    expect((await runner().run('alarm')).outcome).toBe('updated');
    expect((await inUse()).catalogue.revision).toBe(3);
    expect((await feedCatalogueItem.getValue())?.signerKey).toBe(second.publicKey);
  });

  it('keeping the old key next to the new one (rotation) keeps the catalogue', async () => {
    await trust(second, first);
    await publish(5, first);
    await runner().run('alarm');
    expect((await inUse()).catalogue.revision).toBe(5);
  });

  it('policy minimumRevision drops a lower stored feed and refuses a lower download', async () => {
    await fakeBrowser.storage.managed.set({ minimumRevision: 6 });
    const state = await runner().run('settings');
    expect(state.reason).toBe('belowMinimumRevision');
    expect((await inUse()).source).toBe('bundled');
    await publish(7, first);
    expect((await runner().run('alarm')).outcome).toBe('updated');
    expect((await inUse()).catalogue.revision).toBe(7);
  });

  it('policy useBundledCatalogue drops the feed and fetches nothing', async () => {
    await fakeBrowser.storage.managed.set({ useBundledCatalogue: true });
    const before = server.requests.length;
    const state = await runner().run('settings');
    expect(state.reason).toBe('bundledByPolicy');
    expect(server.requests.length).toBe(before);
    expect(await feedCatalogueItem.getValue()).toBeNull();
    expect((await inUse()).source).toBe('bundled');
  });
});

describe('feed catalogue storage v1 → v2 (WXT migration from a real v1 value)', () => {
  it('keeps the catalogue, forgets the ETag, and records the key at the next full download', async () => {
    const v2 = (await feedCatalogueItem.getValue())!;
    const { signerKey: _none, ...v1 } = { ...v2, etag: '"5-abc"' };
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ feedCatalogue: v1 });
    await feedCatalogueItem.migrate();
    expect(await feedCatalogueItem.getValue()).toEqual({ ...v1, etag: null, signerKey: null });
    expect((await inUse()).catalogue.revision).toBe(5);
    await trust(first);
    const state = await runner().run('startup');
    expect(state.outcome).toBe('sameRevision');
    expect(state.bytes).toBeGreaterThan(0);
    expect((await feedCatalogueItem.getValue())?.signerKey).toBe(first.publicKey);
  });
});
