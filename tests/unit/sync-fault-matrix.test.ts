/**
 * The fault matrix of issue 3: every way the feed can go wrong, each against a real HTTP server
 * on 127.0.0.1. For each: the last good catalogue stays in use, search keeps working, the reason
 * is recorded, and the next scheduled attempt still exists.
 */
import { browser } from '#imports';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncStateItem, syncSettingsItem } from '@/utils/storage';
import { createSyncRunner, SYNC_ALARM } from '@/utils/sync/background';
import type { SyncFailure } from '@/utils/sync/reasons';
import { generateSigningKeyPair, signBytes, type SigningKeyPair } from '@/utils/sync/signature';
import { startFeedServer, refusedUrl, type FeedServer, type Publication } from './sync-feed-server';
import { encode, feedCatalogue, NEW_SERVICE_NAME, NEW_SERVICE_QUERY, signedPublication } from './sync-fixtures';
import { catalogueInUse, searchInUse as activeSearch, testAdapters } from './sync-browser-fixtures';

const GOOD_REVISION = 5;
/** Generous for the good paths (CI machines are busy); the timeout case uses its own short one. */
const TIMEOUT_MS = 5_000;
const SHORT_TIMEOUT_MS = 250;

let server: FeedServer;
let trusted: SigningKeyPair;
let stranger: SigningKeyPair;
let goodFeed: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  server = await startFeedServer();
  [trusted, stranger] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
  goodFeed = encode(feedCatalogue(GOOD_REVISION));
});
afterAll(() => server.close());

const maxBytes = () => Math.ceil(goodFeed.byteLength * 1.5);
const runner = (timeoutMs = TIMEOUT_MS) =>
  createSyncRunner(testAdapters(), { timeoutMs, maxBytes: maxBytes(), defaults: { feedUrl: null, trustedPublicKeys: [], refreshIntervalHours: 6 } });

async function signedOther(catalogue: unknown) {
  return signedPublication(encode(catalogue), trusted);
}

type Fault = [name: string, reason: SyncFailure, setUp: () => Promise<Publication | { url: string }>, timeoutMs?: number];

const faults: Fault[] = [
  ['HTTP 500', 'httpError', async () => ({ ...(await signedPublication(goodFeed, trusted)), status: 500 })],
  ['timeout', 'timeout', async () => ({ ...(await signedOther(feedCatalogue(GOOD_REVISION + 1))), delayMs: 3_000 }), SHORT_TIMEOUT_MS],
  ['connection refused', 'networkError', async () => ({ url: await refusedUrl() })],
  ['truncated body', 'truncated', async () => ({ ...(await signedOther(feedCatalogue(GOOD_REVISION + 1))), truncateAt: 1000 })],
  ['invalid JSON (signed)', 'invalidJson', () => signedPublication(new TextEncoder().encode('{"revision": 6, '), trusted)],
  ['schema violation (signed)', 'schemaInvalid', () => signedOther({ ...feedCatalogue(GOOD_REVISION + 1), services: [{ id: 'X' }] })],
  ['bad signature', 'signatureInvalid', async () => ({ body: encode(feedCatalogue(GOOD_REVISION + 1)), signature: JSON.stringify(await signBytes(goodFeed, trusted)) })],
  ['missing signature', 'signatureMissing', async () => ({ body: encode(feedCatalogue(GOOD_REVISION + 1)), signature: null })],
  ['malformed signature file', 'signatureInvalid', async () => ({ body: encode(feedCatalogue(GOOD_REVISION + 1)), signature: 'not json' })],
  ['signature by an unknown key', 'unknownKey', () => signedPublication(encode(feedCatalogue(GOOD_REVISION + 1)), stranger)],
  ['older revision (downgrade)', 'olderRevision', () => signedOther(feedCatalogue(GOOD_REVISION - 1))],
  ['other region', 'otherRegion', () => signedOther(feedCatalogue(GOOD_REVISION + 1, { region: 'hus' }))],
  ['oversized, declared by Content-Length', 'tooLarge', () => signedOther({ ...feedCatalogue(GOOD_REVISION + 1), padding: 'x'.repeat(maxBytes()) })],
  ['oversized, chunked stream', 'tooLarge', async () => ({ ...(await signedOther({ ...feedCatalogue(GOOD_REVISION + 1), padding: 'x'.repeat(maxBytes()) })), chunked: true })],
  // Issue 20: the maintainers' vocabulary section travels in the signed feed; a broken one refuses the whole feed.
  ['vocabulary section: a term with no concept (signed)', 'vocabularyInvalid', () =>
    signedOther({ ...feedCatalogue(GOOD_REVISION + 1), vocabulary: { terms: [{ language: 'fi', text: 'kirjekyyhky', source: 'Vakehyva' }], serviceKeywords: [] } })],
  ['vocabulary section: a keyword for a service not in the catalogue (signed)', 'vocabularyInvalid', () =>
    signedOther({ ...feedCatalogue(GOOD_REVISION + 1), vocabulary: { terms: [], serviceKeywords: [{ service: 'ei-ole-olemassa', keyword: 'kirjekyyhky', source: 'Vakehyva' }] } })],
  ['vocabulary section: not a list, hidden characters in a term (signed)', 'vocabularyInvalid', () =>
    signedOther({ ...feedCatalogue(GOOD_REVISION + 1), vocabulary: { terms: [{ concept: 'debt', language: 'fi', text: 'vel\u202eat', source: 'Vakehyva' }], serviceKeywords: 'kaikki' } })],
  ['wrong content type', 'wrongContentType', async () => ({ ...(await signedOther(feedCatalogue(GOOD_REVISION + 1))), contentType: 'text/html' })],
];

describe('catalogue sync fault matrix (real HTTP server on 127.0.0.1)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    server.publish(await signedPublication(goodFeed, trusted));
    await syncSettingsItem.setValue({ feedUrl: server.url, trustedPublicKeys: [trusted.publicKey] });
    const first = await runner().run('install');
    expect(first.outcome, first.detail ?? '').toBe('updated');
    expect((await activeSearch(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
  });

  it.each(faults)('%s: keeps the last good catalogue, records %s, keeps the schedule', async (_name, reason, setUp, timeoutMs) => {
    const lastSuccess = (await syncStateItem.getValue())?.lastSuccessAt;
    const fault = await setUp();
    if ('url' in fault) await syncSettingsItem.setValue({ feedUrl: fault.url, trustedPublicKeys: [trusted.publicKey] });
    else server.publish(fault);
    await browser.alarms.clear(SYNC_ALARM);

    const state = await runner(timeoutMs).run('alarm');

    expect(state.outcome).toBe('failed');
    expect(state.reason).toBe(reason);
    expect(await syncStateItem.getValue()).toEqual(state);
    expect(state.lastSuccessAt).toBe(lastSuccess);
    const stored = await catalogueInUse();
    expect(stored.source).toBe('feed');
    expect(stored.header.revision).toBe(GOOD_REVISION);
    const [newService, everyday] = await activeSearch(NEW_SERVICE_QUERY, 'omaishoitaja tuki');
    expect(newService).toContain(NEW_SERVICE_NAME);
    expect(everyday).not.toEqual([]);
    const alarm = await browser.alarms.get(SYNC_ALARM);
    expect(alarm?.periodInMinutes).toBe(6 * 60);
    expect(alarm!.scheduledTime).toBeGreaterThan(Date.now());
  });

  it('an equal revision (replay) changes nothing and is not an error', async () => {
    server.publish(await signedOther({ ...feedCatalogue(GOOD_REVISION), publishedAt: '2026-11-23T00:00:00Z' }));
    const state = await runner().run('alarm');
    expect(state.outcome).toBe('sameRevision');
    const stored = await catalogueInUse();
    expect(stored.header.publishedAt).toBe('2026-11-22T08:14:00Z');
  });
});
