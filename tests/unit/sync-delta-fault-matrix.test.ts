/**
 * Issue 22: deltas, against a real HTTP server on 127.0.0.1 with real signatures. A browser one
 * revision behind fetches the signed index and one signed delta, applies it to its stored
 * catalogue, checks the SHA-256, packs and switches. Every fault of the feed's fault matrix also
 * holds for deltas: the last good catalogue stays while nothing good arrived, the reason is
 * recorded, and the full feed is fetched instead (the fallback).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseCatalogue } from '@/utils/catalogue/load';
import type { Catalogue } from '@/utils/catalogue/schema';
import { createStoragePackedFeedStore } from '@/utils/catalogue/feed-store';
import { syncStateItem, syncSettingsItem } from '@/utils/storage';
import { createSyncRunner } from '@/utils/sync/background';
import { DELTA_INDEX_FORMAT, deltaFileName, makeDelta, sha256HexOf, type DeltaIndex } from '@/utils/sync/delta';
import type { DeltaFailure } from '@/utils/sync/reasons';
import { generateSigningKeyPair, signBytes, type SigningKeyPair } from '@/utils/sync/signature';
import { catalogueInUse, searchInUse, testAdapters } from './sync-browser-fixtures';
import { feedCatalogue, NEW_SERVICE_NAME, NEW_SERVICE_QUERY } from './sync-fixtures';
import { startStaticServer, type StaticFile, type StaticServer } from './sync-static-server';

const GOOD = 5;
const CHANGED_DESCRIPTION = 'Kalastusterapiaa, melontaa ja luontoretkiä mielenterveyskuntoutujille Vantaalla.';

let server: StaticServer;
let trusted: SigningKeyPair;
let stranger: SigningKeyPair;

beforeAll(async () => {
  server = await startStaticServer();
  [trusted, stranger] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
});
afterAll(() => server.close());

const feedUrl = () => `${server.base}catalogue.json`;
const runner = () => createSyncRunner(testAdapters(), { timeoutMs: 5_000, maxBytes: 10_000_000, defaults: { feedUrl: null, trustedPublicKeys: [], refreshIntervalHours: 6 } });

/** The revision as the workbench publishes it: the schema-parsed catalogue, compact JSON. */
function published(catalogue: Catalogue): { json: Record<string, unknown>; bytes: Uint8Array<ArrayBuffer> } {
  const parsed = parseCatalogue(catalogue);
  if (!parsed.success) throw new Error('fixture catalogue invalid');
  const text = JSON.stringify(parsed.catalogue);
  return { json: JSON.parse(text), bytes: new TextEncoder().encode(text) };
}
/** Revision `revision`: the fixture feed; from GOOD + 1 on, one service's description changed. */
function revisionCatalogue(revision: number, region?: string): Catalogue {
  const catalogue = feedCatalogue(revision, { region });
  if (revision > GOOD) catalogue.services.at(-1)!.description = `${CHANGED_DESCRIPTION} (${revision})`;
  return catalogue;
}

async function setSigned(path: string, body: Uint8Array<ArrayBuffer>, key = trusted, extra: Partial<StaticFile> = {}) {
  server.files.set(path, { body, ...extra });
  server.files.set(`${path}.sig`, { body: JSON.stringify(await signBytes(body, key)) });
}
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** Publishes `to` in full, a delta to it from each of `from`, and the signed index. */
async function release(to: Catalogue, from: Catalogue[]): Promise<DeltaIndex> {
  const full = published(to);
  await setSigned('catalogue.json', full.bytes);
  const sha256 = await sha256HexOf(full.bytes);
  const index: DeltaIndex = { format: DELTA_INDEX_FORMAT, region: to.region, revision: to.revision, sha256, bytes: full.bytes.byteLength, deltas: [] };
  for (const earlier of from) {
    const body = encode(makeDelta(published(earlier).json, full.json, sha256));
    const path = deltaFileName(earlier.revision, to.revision);
    await setSigned(`deltas/${path}`, body);
    index.deltas.push({ fromRevision: earlier.revision, toRevision: to.revision, bytes: body.byteLength, path });
  }
  await writeIndex(index);
  return index;
}
const writeIndex = (index: DeltaIndex, key = trusted) => setSigned('deltas/index.json', encode(index), key);
/** Serves `body` as the delta 5→6 (signed by `key`) and re-signs the index for its size. */
async function replaceDelta(index: DeltaIndex, body: Uint8Array<ArrayBuffer>, key = trusted) {
  await setSigned('deltas/5-6.json', body, key);
  await writeIndex({ ...index, deltas: index.deltas.map((delta) => (delta.path === '5-6.json' ? { ...delta, bytes: body.byteLength } : delta)) });
}
const deltaBody = async (from: Catalogue, to: Catalogue, sha256?: string) => encode(makeDelta(published(from).json, published(to).json, sha256 ?? (await sha256HexOf(published(to).bytes))));

async function storedSource() {
  return createStoragePackedFeedStore().readSource();
}

describe('catalogue deltas (real HTTP server on 127.0.0.1, real signatures)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    server.files.clear();
    await release(revisionCatalogue(GOOD), []);
    await syncSettingsItem.setValue({ feedUrl: feedUrl(), trustedPublicKeys: [trusted.publicKey] });
    const first = await runner().run('install');
    expect(first.outcome, first.detail ?? '').toBe('updated');
    expect(first.delta).toBeUndefined(); // nothing stored to apply a delta to yet
    expect(await storedSource()).toBe(new TextDecoder().decode(published(revisionCatalogue(GOOD)).bytes));
    server.requests.length = 0;
  });

  it('one revision behind: index + one delta, applied, byte for byte the published revision; then the index says it is current', async () => {
    const index = await release(revisionCatalogue(GOOD + 1), [revisionCatalogue(GOOD), revisionCatalogue(GOOD - 1)]);
    const state = await runner().run('alarm');
    expect(state.outcome, state.detail ?? '').toBe('updated');
    expect(state.delta).toEqual({ outcome: 'applied', reason: null, detail: '5 → 6', bytes: state.bytes });
    expect(server.requests).toEqual(['deltas/index.json', 'deltas/index.json.sig', 'deltas/5-6.json', 'deltas/5-6.json.sig']);
    expect(state.bytes).toBeLessThan(index.bytes / 10);
    expect((await catalogueInUse()).header.revision).toBe(GOOD + 1);
    expect(await storedSource()).toBe(new TextDecoder().decode(published(revisionCatalogue(GOOD + 1)).bytes));
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);

    server.requests.length = 0;
    const again = await runner().run('alarm');
    expect(again.outcome).toBe('notModified');
    expect(server.requests).toEqual(['deltas/index.json', 'deltas/index.json.sig']);

    // The next revision applies to the catalogue a delta made (the stored text is the published one).
    await release(revisionCatalogue(GOOD + 2), [revisionCatalogue(GOOD + 1)]);
    const next = await runner().run('alarm');
    expect(next.delta?.outcome, next.detail ?? '').toBe('applied');
    expect((await catalogueInUse()).header.revision).toBe(GOOD + 2);
  });

  type Fault = [name: string, reason: DeltaFailure, setUp: (index: DeltaIndex) => Promise<unknown>];
  const previous = () => revisionCatalogue(GOOD);
  const next = () => revisionCatalogue(GOOD + 1);
  const faults: Fault[] = [
    ['truncated delta', 'truncated', async () => server.files.set('deltas/5-6.json', { ...server.files.get('deltas/5-6.json')!, truncateAt: 40 })],
    ['re-ordered: 5-6.json holds the delta 4→6', 'deltaWrongPair', async (index) => replaceDelta(index, await deltaBody(revisionCatalogue(GOOD - 1), next()))],
    ['replayed: 5-6.json holds the old delta 4→5', 'olderRevision', async (index) => replaceDelta(index, await deltaBody(revisionCatalogue(GOOD - 1), previous()))],
    ['older index (revision 4) replayed', 'olderRevision', async (index) => writeIndex({ ...index, revision: GOOD - 1, deltas: [] })],
    ['delta signed by an unknown key', 'unknownKey', async (index) => replaceDelta(index, await deltaBody(previous(), next()), stranger)],
    ['index signed by an unknown key', 'unknownKey', async (index) => writeIndex(index, stranger)],
    ['delta for another region', 'otherRegion', async (index) => replaceDelta(index, await deltaBody(revisionCatalogue(GOOD, 'hus'), revisionCatalogue(GOOD + 1, 'hus'), index.sha256))],
    ['bad delta signature', 'signatureInvalid', async () => server.files.set('deltas/5-6.json.sig', { body: JSON.stringify(await signBytes(encode({ other: true }), trusted)) })],
    ['missing delta signature', 'signatureMissing', async () => server.files.delete('deltas/5-6.json.sig')],
    ['oversized: more bytes than the signed index says', 'tooLarge', async () => server.files.set('deltas/5-6.json', { body: `${new TextDecoder().decode(server.files.get('deltas/5-6.json')!.body as Uint8Array)}${' '.repeat(10)}` })],
    ['oversized, chunked stream', 'tooLarge', async () => server.files.set('deltas/5-6.json', { body: `${new TextDecoder().decode(server.files.get('deltas/5-6.json')!.body as Uint8Array)}${' '.repeat(100_000)}`, chunked: true })],
    ['too long: the delta is bigger than the full feed', 'tooLarge', async (index) => writeIndex({ ...index, deltas: index.deltas.map((delta) => ({ ...delta, bytes: index.bytes + 1 })) })],
    ['missing: no delta from the revision in use', 'deltaMissing', async (index) => writeIndex({ ...index, deltas: index.deltas.filter((delta) => delta.fromRevision !== GOOD) })],
    ['missing: the index names a delta the server does not have', 'deltaMissing', async () => server.files.delete('deltas/5-6.json')],
    ['hash mismatch: applied, not the published catalogue', 'deltaHashMismatch', async (index) => {
      const tampered = next();
      tampered.services.at(-1)!.description = 'Jotain muuta.';
      await replaceDelta(index, await deltaBody(previous(), tampered, index.sha256));
    }],
    ['signed delta that is not JSON', 'invalidJson', async (index) => replaceDelta(index, new TextEncoder().encode('{"format": '))],
    ['applied result fails the schema', 'schemaInvalid', async (index) => {
      const delta = makeDelta(published(previous()).json, published(next()).json, index.sha256);
      delta.records.services.upsert.push({ id: 'orpo', organisationId: 'ei-ole' });
      await replaceDelta(index, encode(delta));
    }],
  ];

  it.each(faults)('%s: the last good catalogue stays, %s is recorded, the full feed is the fallback', async (_name, reason, setUp) => {
    const index = await release(next(), [previous()]);
    await setUp(index);
    const lastSuccess = (await syncStateItem.getValue())?.lastSuccessAt;

    // First with the full feed failing too: nothing good arrives, the last good revision stays.
    const fullFeed = server.files.get('catalogue.json')!;
    server.files.set('catalogue.json', { ...fullFeed, status: 503 });
    const failed = await runner().run('alarm');
    expect(failed.outcome).toBe('failed');
    expect(failed.reason).toBe('httpError');
    expect(failed.delta).toMatchObject({ outcome: 'fallback', reason });
    expect(failed.detail).toContain(`delta refused (${reason})`);
    expect(failed.lastSuccessAt).toBe(lastSuccess);
    expect((await catalogueInUse()).header.revision).toBe(GOOD);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    expect(await storedSource()).toBe(new TextDecoder().decode(published(previous()).bytes));

    // Then the full feed answers: the fallback brings the new revision, the delta's reason stays recorded.
    server.files.set('catalogue.json', fullFeed);
    server.requests.length = 0;
    const fellBack = await runner().run('alarm');
    expect(fellBack.outcome, fellBack.detail ?? '').toBe('updated');
    expect(fellBack.delta).toMatchObject({ outcome: 'fallback', reason });
    expect(server.requests).toContain('catalogue.json');
    expect((await catalogueInUse()).header.revision).toBe(GOOD + 1);
    expect(await storedSource()).toBe(new TextDecoder().decode(published(next()).bytes));
  });

  it('too long: a delta bigger than the full feed is not even downloaded', async () => {
    const index = await release(next(), [previous()]);
    await writeIndex({ ...index, deltas: index.deltas.map((delta) => ({ ...delta, bytes: index.bytes + 1 })) });
    await runner().run('alarm');
    expect(server.requests).not.toContain('deltas/5-6.json');
  });

  it('a feed without deltas (404 on the index) syncs in full as before, no delta recorded', async () => {
    await release(next(), [previous()]);
    server.files.delete('deltas/index.json');
    const state = await runner().run('alarm');
    expect(state.outcome).toBe('updated');
    expect(state.delta).toBeUndefined();
    expect((await catalogueInUse()).header.revision).toBe(GOOD + 1);
  });
});
