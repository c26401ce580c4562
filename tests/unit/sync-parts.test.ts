/**
 * Issue 22: the feed in parts, against a real HTTP server on 127.0.0.1 with real signatures.
 * A browser fetches the signed manifest and the parts one at a time, checks each, packs them into
 * a staged revision and switches only when all are in. A sync stopped mid-way (a service worker
 * stopped) continues from the recorded part without fetching a done part again; a new revision
 * meanwhile starts over and drops the old staging. Every fault of the feed's fault matrix holds
 * for the parts path too: the last good catalogue stays, the reason is recorded.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseCatalogue } from '@/utils/catalogue/load';
import type { Catalogue } from '@/utils/catalogue/schema';
import { feedDatabase, revisionRange, storedRevisionIds } from '@/utils/catalogue/feed-db';
import { FEED_PARTS_STORE, feedPartKey } from '@/utils/catalogue/feed-keys';
import { feedPartsProgressItem, feedPointerItem, syncSettingsItem, syncStateItem } from '@/utils/storage';
import { browser } from '#imports';
import { createSyncRunner, SYNC_RESUME_ALARM } from '@/utils/sync/background';
import { DELTA_INDEX_FORMAT, deltaFileName, makeDelta, sha256HexOf, type DeltaIndex } from '@/utils/sync/delta';
import { createCatalogueAssembler, createTextHasher, partFileName, sha256HexSync, splitCatalogue, type PartsManifest } from '@/utils/sync/parts';
import { readPartsSourceHeader, sourcePartAt } from '@/utils/sync/parts-source';
import type { SyncFailure } from '@/utils/sync/reasons';
import { generateSigningKeyPair, signBytes, type SigningKeyPair } from '@/utils/sync/signature';
import { catalogueInUse, searchInUse, testAdapters } from './sync-browser-fixtures';
import { feedCatalogue, NEW_SERVICE_NAME, NEW_SERVICE_QUERY } from './sync-fixtures';
import { refusedUrl } from './sync-feed-server';
import { startStaticServer, type StaticFile, type StaticServer } from './sync-static-server';

const GOOD = 5;
/** Small parts, so that the bundled catalogue's ~90 services make several. */
const PART_BYTES = 12 * 1024;
const CHANGED = 'Kalastusterapiaa, melontaa ja luontoretkiä mielenterveyskuntoutujille Vantaalla.';

let server: StaticServer;
let trusted: SigningKeyPair;
let stranger: SigningKeyPair;

beforeAll(async () => {
  server = await startStaticServer();
  [trusted, stranger] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
});
afterAll(() => server.close());

const feedUrl = () => `${server.base}catalogue.json`;
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
function runner(options: { signal?: AbortSignal; fetch?: typeof fetch; timeoutMs?: number } = {}) {
  return createSyncRunner(testAdapters(options.fetch ? { fetch: options.fetch } : {}), {
    timeoutMs: options.timeoutMs ?? 5_000,
    maxBytes: 10_000_000,
    signal: options.signal,
    defaults: { feedUrl: null, trustedPublicKeys: [], refreshIntervalHours: 6 },
  });
}

/** The published text of a catalogue (as the workbench writes catalogue.json). */
function publishedText(catalogue: unknown): string {
  const parsed = parseCatalogue(catalogue);
  if (!parsed.success) throw new Error('fixture catalogue invalid');
  return JSON.stringify(parsed.catalogue);
}
function revisionCatalogue(revision: number, region?: string): Catalogue {
  const catalogue = feedCatalogue(revision, { region });
  if (revision > GOOD) catalogue.services.at(-1)!.description = `${CHANGED} (${revision})`;
  return catalogue;
}

async function setSigned(path: string, body: Uint8Array<ArrayBuffer>, key = trusted, extra: Partial<StaticFile> = {}) {
  server.files.set(path, { body, ...extra });
  server.files.set(`${path}.sig`, { body: JSON.stringify(await signBytes(body, key)) });
}

/** Publishes the full feed and the same revision in parts; returns the manifest and the part texts. */
async function publishInParts(text: string, options: { key?: SigningKeyPair; manifest?: (manifest: PartsManifest) => unknown } = {}) {
  await setSigned('catalogue.json', new TextEncoder().encode(text), options.key);
  const { manifest, parts } = splitCatalogue(text, PART_BYTES);
  for (const part of parts) server.files.set(`parts/${partFileName(part.entry.sha256)}`, { body: part.text });
  await setSigned('parts/index.json', encode(options.manifest ? options.manifest(manifest) : manifest), options.key);
  return { manifest, parts };
}

const partRequests = () => server.requests.filter((path) => /^parts\/[0-9a-f]{64}\.json$/.test(path));

/** A fetch that stops the sync (as a stopped service worker would) once `after` parts were fetched. */
function stoppingAfter(after: number) {
  const controller = new AbortController();
  let parts = 0;
  const fetchFn: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (/\/parts\/[0-9a-f]{64}\.json$/.test(String(input)) && ++parts >= after) controller.abort();
    return response;
  };
  return { signal: controller.signal, fetch: fetchFn };
}

/** Every key the fake browser stores under one revision id. */
/** The IndexedDB keys stored under a revision id (feed-store.ts keeps every part of a revision under its id). */
async function keysOf(id: string): Promise<string[]> {
  const db = await feedDatabase();
  const keys = await db.getAllKeys(FEED_PARTS_STORE, revisionRange(id));
  return keys.map((key) => key.join('/'));
}

/** A stored revision's index and record shards, as IndexedDB holds them. */
async function storedParts(id: string, shardCount: number) {
  const db = await feedDatabase();
  const shards = [];
  for (let at = 0; at < shardCount; at += 1) shards.push(await db.get(FEED_PARTS_STORE, feedPartKey(id, 'shard', at)));
  return { index: await db.get(FEED_PARTS_STORE, feedPartKey(id, 'index')), shards };
}

/** The catalogue.json bytes the stored source parts of the revision in use rebuild. */
async function storedCatalogueText(): Promise<string> {
  const pointer = (await feedPointerItem.getValue())!;
  const db = await feedDatabase();
  const sources = new Map<number, string>();
  for (let at = 0; at < (pointer.sourceParts ?? 0); at += 1) sources.set(at, (await db.get(FEED_PARTS_STORE, feedPartKey(pointer.id, 'source', at))) as string);
  const part = (at: number) => sources.get(at)!;
  const header = readPartsSourceHeader(part(0))!;
  expect(header).not.toBeNull();
  let text = '';
  const assembler = createCatalogueAssembler(header.keys, header.sections, (piece) => (text += piece));
  for (const list of ['organisations', 'services'] as const) for (let at = 0; at < header.lists[list]; at += 1) assembler.part(list, part(sourcePartAt(header, list, at)));
  assembler.finish();
  return text;
}

beforeEach(async () => {
  fakeBrowser.reset();
  server.files.clear();
  server.requests.length = 0;
  await syncSettingsItem.setValue({ feedUrl: feedUrl(), trustedPublicKeys: [trusted.publicKey] });
});

describe('sync of the feed in parts (real HTTP server on 127.0.0.1)', () => {
  it('syncs in parts, never fetching catalogue.json, and stores the parts as the next delta base', async () => {
    const text = publishedText(revisionCatalogue(GOOD));
    const { manifest } = await publishInParts(text);
    expect(manifest.parts.filter((part) => part.list === 'services').length).toBeGreaterThan(4);

    const state = await runner().run('install');

    expect(state.outcome, state.detail ?? '').toBe('updated');
    expect(state.detail).toContain(`${manifest.parts.length} parts`);
    expect(server.requests).not.toContain('catalogue.json');
    expect(partRequests()).toHaveLength(manifest.parts.length);
    expect((await catalogueInUse()).header.revision).toBe(GOOD);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    expect(await storedCatalogueText()).toBe(text);
    expect(await feedPartsProgressItem.getValue()).toBeNull();
  });

  it('packs exactly as the full feed does (same index, same shards)', async () => {
    const text = publishedText(revisionCatalogue(GOOD));
    await publishInParts(text);
    await runner().run('install');
    const partsPointer = (await feedPointerItem.getValue())!;
    const viaParts = await storedParts(partsPointer.id, partsPointer.shardCount);

    fakeBrowser.reset();
    await syncSettingsItem.setValue({ feedUrl: feedUrl(), trustedPublicKeys: [trusted.publicKey] });
    server.files.delete('parts/index.json');
    expect((await runner().run('install')).outcome).toBe('updated');
    const fullPointer = (await feedPointerItem.getValue())!;
    const viaFull = await storedParts(fullPointer.id, fullPointer.shardCount);
    expect(partsPointer.shardCount).toBe(fullPointer.shardCount);
    expect(viaParts).toEqual(viaFull);
  });

  it('stopped mid-way, it keeps the last good catalogue; the next sync continues from the recorded part and fetches no done part again', async () => {
    const text = publishedText(revisionCatalogue(GOOD));
    const { manifest } = await publishInParts(text);
    const stop = stoppingAfter(3);

    const stopped = await runner(stop).run('install');

    expect(stopped.outcome).toBe('failed');
    expect((await catalogueInUse()).source).toBe('bundled');
    const progress = (await feedPartsProgressItem.getValue())!;
    expect(progress).toMatchObject({ revision: GOOD, done: 3 });
    const fetchedBefore = partRequests();
    expect(fetchedBefore).toHaveLength(3);
    // A one-shot alarm wakes a stopped worker to continue (not hours later at the next check).
    expect((await browser.alarms.get(SYNC_RESUME_ALARM))?.periodInMinutes).toBeUndefined();
    expect(await browser.alarms.get(SYNC_RESUME_ALARM)).toBeDefined();

    const resumed = await runner().run('alarm');

    expect(resumed.outcome, resumed.detail ?? '').toBe('updated');
    expect(resumed.detail).toContain('resumed at part 4');
    const fetchedAfter = partRequests().slice(3);
    expect(fetchedAfter).toHaveLength(manifest.parts.length - 3);
    expect(fetchedAfter.filter((path) => fetchedBefore.includes(path))).toEqual([]);
    expect((await feedPointerItem.getValue())!.id).toBe(progress.stagedId);
    expect(await browser.alarms.get(SYNC_RESUME_ALARM)).toBeUndefined();
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    expect(await storedCatalogueText()).toBe(text);
  });

  it('a new revision published meanwhile restarts cleanly and drops the old staging', async () => {
    await publishInParts(publishedText(revisionCatalogue(GOOD)));
    expect((await runner(stoppingAfter(2)).run('install')).outcome).toBe('failed');
    const old = (await feedPartsProgressItem.getValue())!;
    expect((await keysOf(old.stagedId)).length).toBeGreaterThan(0);

    const newer = publishedText(revisionCatalogue(GOOD + 1));
    await publishInParts(newer);
    const state = await runner().run('alarm');

    expect(state.outcome, state.detail ?? '').toBe('updated');
    expect(state.detail).not.toContain('resumed');
    expect((await catalogueInUse()).header.revision).toBe(GOOD + 1);
    expect(await keysOf(old.stagedId)).toEqual([]);
    expect(await storedCatalogueText()).toBe(newer);
  });

  it('keeps the previous revision in use until the new one commits', async () => {
    await publishInParts(publishedText(revisionCatalogue(GOOD)));
    await runner().run('install');
    const before = (await feedPointerItem.getValue())!;
    await publishInParts(publishedText(revisionCatalogue(GOOD + 1)));
    expect((await runner(stoppingAfter(4)).run('alarm')).outcome).toBe('failed');
    expect(await feedPointerItem.getValue()).toEqual(before);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
    expect((await runner().run('alarm')).outcome).toBe('updated');
    expect(await keysOf(before.id)).toEqual([]);
  });
});

/** `dropsStored`: the policy itself drops the stored revision (below its minimum), as for the full feed. */
type Fault = [name: string, reason: SyncFailure, setUp: () => Promise<void | { url: string }>, timeoutMs?: number, dropsStored?: boolean];

const next = () => publishedText(revisionCatalogue(GOOD + 1));
const firstServicesPart = (manifest: PartsManifest) => manifest.parts.find((part) => part.list === 'services')!;
const faults: Fault[] = [
  ['manifest HTTP 500', 'httpError', async () => void (await publishInParts(next()), server.files.set('parts/index.json', { body: 'x', status: 500 }))],
  ['connection refused', 'networkError', async () => ({ url: await refusedUrl() })],
  ['manifest truncated', 'truncated', async () => {
    await publishInParts(next());
    server.files.set('parts/index.json', { ...server.files.get('parts/index.json')!, truncateAt: 100 });
  }],
  ['part truncated', 'truncated', async () => {
    const { manifest } = await publishInParts(next());
    const path = `parts/${partFileName(firstServicesPart(manifest).sha256)}`;
    server.files.set(path, { ...server.files.get(path)!, truncateAt: 500 });
  }],
  ['part bigger than the signed manifest says', 'tooLarge', async () => {
    const { manifest } = await publishInParts(next());
    const path = `parts/${partFileName(firstServicesPart(manifest).sha256)}`;
    server.files.set(path, { body: `${String(server.files.get(path)!.body)}     `, chunked: true });
  }],
  ['part changed (not the SHA-256 the manifest names)', 'signatureInvalid', async () => {
    const { manifest, parts } = await publishInParts(next());
    const entry = firstServicesPart(manifest);
    const text = parts.find((part) => part.entry.sha256 === entry.sha256)!.text;
    // One ASCII letter changed: the same size, other bytes.
    server.files.set(`parts/${partFileName(entry.sha256)}`, { body: text.replace('"name":"', '"name":"').replace(/"name":"(.)/, (_all, first: string) => `"name":"${first === 'X' ? 'Y' : 'X'}`) });
  }],
  ['invalid JSON manifest (signed)', 'invalidJson', async () => {
    await publishInParts(next());
    await setSigned('parts/index.json', new TextEncoder().encode('{"format": '));
  }],
  ['manifest schema violation (signed)', 'schemaInvalid', async () => void (await publishInParts(next(), { manifest: (manifest) => ({ ...manifest, parts: [...manifest.parts].reverse() }) }))],
  ['a part with an invalid service (signed manifest, matching hash)', 'schemaInvalid', async () => {
    const catalogue = JSON.parse(next()) as Catalogue;
    (catalogue.services[3] as unknown as Record<string, unknown>).organisationId = 'ei-ole-olemassa';
    await publishInParts(JSON.stringify(catalogue));
  }],
  ['a part that is not a JSON list (signed manifest, matching hash)', 'invalidJson', async () => {
    const { manifest } = await publishInParts(next());
    const body = '{"not":"a list"}';
    const sha = sha256HexSync(new TextEncoder().encode(body));
    const entry = firstServicesPart(manifest);
    server.files.set(`parts/${partFileName(sha)}`, { body });
    await setSigned('parts/index.json', encode({ ...manifest, parts: manifest.parts.map((part) => (part === entry ? { ...part, sha256: sha, bytes: body.length } : part)) }));
  }],
  ['bad manifest signature', 'signatureInvalid', async () => {
    await publishInParts(next());
    server.files.set('parts/index.json.sig', { body: JSON.stringify(await signBytes(encode({ other: true }), trusted)) });
  }],
  ['missing manifest signature', 'signatureMissing', async () => {
    await publishInParts(next());
    server.files.delete('parts/index.json.sig');
  }],
  ['manifest signed by an unknown key', 'unknownKey', async () => void (await publishInParts(next(), { key: stranger }))],
  ['older revision (downgrade)', 'olderRevision', async () => void (await publishInParts(publishedText(revisionCatalogue(GOOD - 1))))],
  ['other region', 'otherRegion', async () => void (await publishInParts(publishedText(revisionCatalogue(GOOD + 1, 'hus'))))],
  ['revision jump', 'revisionJump', async () => void (await publishInParts(publishedText(revisionCatalogue(GOOD + 5000))))],
  ['below the minimum revision (policy)', 'belowMinimumRevision', async () => {
    await fakeBrowser.storage.managed.set({ minimumRevision: GOOD + 2 });
    await publishInParts(next());
  }, undefined, true],
  ['vocabulary section broken (signed)', 'vocabularyInvalid', async () => {
    const catalogue = { ...(JSON.parse(next()) as Record<string, unknown>), vocabulary: { terms: [], serviceKeywords: [{ service: 'ei-ole-olemassa', keyword: 'kirjekyyhky', source: 'Vakehyva' }] } };
    await publishInParts(JSON.stringify(catalogue));
  }],
  ['part served as text/html', 'wrongContentType', async () => {
    const { manifest } = await publishInParts(next());
    const path = `parts/${partFileName(firstServicesPart(manifest).sha256)}`;
    server.files.set(path, { ...server.files.get(path)!, contentType: 'text/html' });
  }],
  ['manifest names a catalogue its parts do not make (signed)', 'signatureInvalid', async () => void (await publishInParts(next(), { manifest: (manifest) => ({ ...manifest, sha256: '0'.repeat(64) }) }))],
];

describe('fault matrix of the feed in parts', () => {
  beforeEach(async () => {
    await publishInParts(publishedText(revisionCatalogue(GOOD)));
    const first = await runner().run('install');
    expect(first.outcome, first.detail ?? '').toBe('updated');
  });

  it.each(faults)('%s: keeps the last good catalogue, records %s', async (_name, reason, setUp, timeoutMs, dropsStored) => {
    const before = await feedPointerItem.getValue();
    const lastSuccess = (await syncStateItem.getValue())?.lastSuccessAt;
    // No delta index: the parts path decides (deltas have their own matrix).
    const fault = await setUp();
    server.files.delete('deltas/index.json');
    if (fault) await syncSettingsItem.setValue({ feedUrl: fault.url, trustedPublicKeys: [trusted.publicKey] });

    const state = await runner({ timeoutMs }).run('alarm');

    expect(state.outcome, state.detail ?? '').toBe('failed');
    expect(state.reason, state.detail ?? '').toBe(reason);
    expect(state.lastSuccessAt).toBe(lastSuccess);
    if (dropsStored) {
      expect(await feedPointerItem.getValue()).toBeNull();
      expect((await catalogueInUse()).source).toBe('bundled');
      return;
    }
    expect(await feedPointerItem.getValue()).toEqual(before);
    expect((await searchInUse(NEW_SERVICE_QUERY))[0]).toContain(NEW_SERVICE_NAME);
  });

  it('an equal revision (replay) changes nothing and is not an error', async () => {
    const before = await feedPointerItem.getValue();
    await publishInParts(publishedText({ ...revisionCatalogue(GOOD), publishedAt: '2026-11-23T00:00:00Z' }));
    const state = await runner().run('alarm');
    expect(state.outcome).toBe('sameRevision');
    expect(await feedPointerItem.getValue()).toEqual(before);
  });
});

describe('deltas applied to a revision stored in parts', () => {
  /** Publishes `to` in parts and full, a delta from `from`, and the signed index. */
  async function release(from: Catalogue, to: Catalogue, change?: (delta: ReturnType<typeof makeDelta>) => unknown) {
    const toText = publishedText(to);
    await publishInParts(toText);
    const bytes = new TextEncoder().encode(toText);
    const sha256 = await sha256HexOf(bytes);
    const delta = makeDelta(JSON.parse(publishedText(from)), JSON.parse(toText), sha256);
    const body = encode(change ? change(delta) : delta);
    const path = deltaFileName(from.revision, to.revision);
    await setSigned(`deltas/${path}`, body);
    const index: DeltaIndex = { format: DELTA_INDEX_FORMAT, region: to.region, revision: to.revision, sha256, bytes: bytes.byteLength, deltas: [{ fromRevision: from.revision, toRevision: to.revision, bytes: body.byteLength, path }] };
    await setSigned('deltas/index.json', encode(index));
    return toText;
  }
  beforeEach(async () => {
    await publishInParts(publishedText(revisionCatalogue(GOOD)));
    expect((await runner().run('install')).outcome).toBe('updated');
    server.requests.length = 0;
  });

  it('applies the delta to the stored parts: no part fetched, byte for byte the published revision, searchable', async () => {
    const to = revisionCatalogue(GOOD + 1);
    const added = { ...to.services[0]!, id: 'uusi-palvelu-delta', name: 'Delta-kahvila' };
    to.services.push(added);
    to.services.splice(2, 1);
    const text = await release(revisionCatalogue(GOOD), to);

    const state = await runner().run('alarm');

    expect(state.outcome, state.detail ?? '').toBe('updated');
    expect(state.delta).toMatchObject({ outcome: 'applied', reason: null });
    expect(state.delta?.detail).toContain('stored parts');
    expect(partRequests()).toEqual([]);
    expect(server.requests).not.toContain('catalogue.json');
    expect(await storedCatalogueText()).toBe(text);
    const [changed, cafe] = await searchInUse('melontaa', 'Delta-kahvila');
    expect(changed).not.toEqual([]);
    expect(cafe?.[0]).toBe('Delta-kahvila');

    // And the next delta applies to what this one stored.
    const third = structuredClone(to);
    third.revision = GOOD + 2;
    third.services[0]!.description = 'Kolmas versio: keilausta ja kuorolaulua.';
    const thirdText = await release(to, third);
    const again = await runner().run('alarm');
    expect(again.delta).toMatchObject({ outcome: 'applied' });
    expect(await storedCatalogueText()).toBe(thirdText);
  });

  const deltaFaults: Array<[string, string, (delta: ReturnType<typeof makeDelta>) => unknown]> = [
    ['hash mismatch (applied, not the published catalogue)', 'deltaHashMismatch', (delta) => ({ ...delta, records: { ...delta.records, services: { ...delta.records.services, upsert: delta.records.services.upsert.map((record) => ({ ...record, name: `${String(record.name)}!` })) } } })],
    ['a record that fails the schema', 'schemaInvalid', (delta) => ({ ...delta, records: { ...delta.records, services: { ...delta.records.services, upsert: [{ id: 'X' }] } } })],
    ['re-ordered services', 'deltaReordered', (delta) => ({ ...delta, records: { ...delta.records, services: { ...delta.records.services, order: ['a'] } } })],
    ['a delta from another revision', 'deltaWrongPair', (delta) => ({ ...delta, fromRevision: GOOD - 1 })],
  ];
  it.each(deltaFaults)('%s: the revision in use stays until the fallback (the feed in parts) commits; %s recorded', async (_name, reason, change) => {
    const before = (await feedPointerItem.getValue())!;
    const text = await release(revisionCatalogue(GOOD), revisionCatalogue(GOOD + 1), change);
    const state = await runner().run('alarm');
    expect(state.delta).toMatchObject({ outcome: 'fallback', reason });
    expect(state.outcome, state.detail ?? '').toBe('updated');
    expect(await storedCatalogueText()).toBe(text);
    // Only the staging of the fallback became the revision: the delta's was dropped.
    expect(await storedRevisionIds(await feedDatabase())).toEqual([(await feedPointerItem.getValue())!.id]);
    expect(await keysOf(before.id)).toEqual([]);
  });
});

describe('the incremental hash', () => {
  it('is the SHA-256 of the whole text', async () => {
    const text = publishedText(revisionCatalogue(GOOD));
    const hasher = createTextHasher();
    for (let at = 0; at < text.length; at += 1000) hasher.update(text.slice(at, at + 1000));
    expect(hasher.digest().sha256).toBe(await sha256HexOf(new TextEncoder().encode(text)));
  });

  it('hashes a fetched part from its own bytes (views of them, no copy) to the same SHA-256 as from its text', async () => {
    const text = publishedText(revisionCatalogue(GOOD));
    const { manifest, parts } = splitCatalogue(text, PART_BYTES);
    const fromText = createTextHasher();
    const fromBytes = createTextHasher();
    const buffers = new Set<ArrayBufferLike>();
    const textAssembler = createCatalogueAssembler(manifest.keys, manifest.sections, (piece) => fromText.update(piece));
    const bytesAssembler = createCatalogueAssembler(manifest.keys, manifest.sections, (piece) => {
      if (typeof piece !== 'string') buffers.add(piece.buffer);
      fromBytes.update(piece);
    });
    const fetched = parts.map((part) => new TextEncoder().encode(part.text));
    parts.forEach((part, at) => {
      textAssembler.part(part.entry.list, part.text);
      bytesAssembler.part(part.entry.list, part.text, fetched[at]);
    });
    textAssembler.finish();
    bytesAssembler.finish();
    expect(parts.length).toBeGreaterThan(2);
    const digest = fromBytes.digest();
    expect(digest).toEqual(fromText.digest());
    expect(digest.sha256).toBe(manifest.sha256);
    // Every part went to the hash as a view of the fetched bytes themselves.
    expect([...buffers]).toEqual(fetched.map((bytes) => bytes.buffer));
  });

  it('a part whose bytes open with a BOM is hashed from its text (the decoder dropped the BOM)', () => {
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[1,2]'));
    const pieces: string[] = [];
    const assembler = createCatalogueAssembler(['organisations', 'services'], {}, (piece) => pieces.push(typeof piece === 'string' ? piece : new TextDecoder().decode(piece)));
    assembler.part('organisations', '[1,2]', bom);
    assembler.finish();
    expect(pieces.join('')).toBe('{"organisations":[1,2],"services":[]}');
  });
});
