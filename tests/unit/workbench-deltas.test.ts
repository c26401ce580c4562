/**
 * Issue 22: at each publish the workbench also publishes signed deltas from the last revisions
 * to the new one and a signed index of them; applying a delta to the earlier revision gives the
 * new catalogue.json byte for byte (its SHA-256).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseCatalogue } from '@/utils/catalogue/load';
import { applyDelta, deltaIndexSchema, parseDelta, sha256HexOf } from '@/utils/sync/delta';
import { generateSigningKeyPair, verifyDetached, type SigningKeyPair } from '@/utils/sync/signature';
import { buildApp } from '@/workbench/src/app';
import { importBundledIfEmpty } from '@/workbench/src/bundled-catalogue';
import { openPglite, type Db } from '@/workbench/src/db/db';
import { migrate } from '@/workbench/src/db/migrate';
import { DELTA_DEPTH } from '@/workbench/src/publish-deltas';
import { publish } from '@/workbench/src/publishing';
import * as store from '@/workbench/src/store';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { syncOnce } from '@/utils/sync/sync-once';
import { memorySyncStore } from './sync-memory-store';
import { bundledCatalogue } from './helpers';

describe('workbench deltas (PGlite)', () => {
  let db: Db;
  let app: FastifyInstance;
  let key: SigningKeyPair;
  const revisions: number[] = [];

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
  async function signedJson(path: string) {
    const body = await get(path);
    const sig = await get(`${path}.sig`);
    expect(body.statusCode, path).toBe(200);
    expect(await verifyDetached(new Uint8Array(body.rawPayload), sig.body, [key.publicKey])).toBe('valid');
    return { response: body, data: JSON.parse(body.body) as unknown };
  }

  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
    await importBundledIfEmpty(db);
    key = await generateSigningKeyPair();
    revisions.push((await publish(db, { key, actor: 'start' })).revision);
    app = await buildApp({ db, key, publicUrl: 'http://127.0.0.1:1' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('the first revision has an index with no deltas; each later one has deltas from the earlier ones', async () => {
    const first = deltaIndexSchema.parse((await signedJson('/feed/deltas/index.json')).data);
    expect(first).toMatchObject({ revision: revisions[0], deltas: [] });

    const [service] = await store.listRecords(db, 'service');
    const data = service!.data as Record<string, unknown>;
    expect((await store.saveRecord(db, 'service', service!.id, { ...data, name: `${String(data.name)} (uusi nimi)` }, 'test')).ok).toBe(true);
    const [, ended] = await store.listRecords(db, 'service');
    await store.endRecord(db, 'service', ended!.id, 'test');
    revisions.push((await publish(db, { key, actor: 'test', now: new Date('2030-01-01T00:00:00Z') })).revision);

    const feed = await get('/feed/catalogue.json');
    const index = deltaIndexSchema.parse((await signedJson('/feed/deltas/index.json')).data);
    expect(index).toMatchObject({ revision: revisions[1], bytes: feed.rawPayload.length, sha256: await sha256HexOf(new Uint8Array(feed.rawPayload)) });
    expect(index.deltas).toEqual([{ fromRevision: revisions[0], toRevision: revisions[1], bytes: expect.any(Number), path: `${revisions[0]}-${revisions[1]}.json` }]);

    const { response, data: raw } = await signedJson(`/feed/deltas/${index.deltas[0]!.path}`);
    expect(response.rawPayload.length).toBe(index.deltas[0]!.bytes);
    const delta = parseDelta(raw)!;
    expect(delta.records.services.upsert.map((record) => record.id)).toEqual([service!.id]);
    expect(delta.records.services.remove).toEqual([ended!.id]);
    expect(delta.records.organisations).toEqual({ upsert: [], remove: [] });
    expect(Object.keys(delta.sections).sort()).toEqual(['publishedAt', 'revision']);

    const before = JSON.parse(await store.feedCatalogue(db, revisions[0]!));
    const parsed = parseCatalogue(applyDelta(before, delta));
    expect(parsed.success).toBe(true);
    const rebuilt = new Uint8Array(Buffer.from(JSON.stringify(parsed.success ? parsed.catalogue : null)));
    expect(await sha256HexOf(rebuilt)).toBe(delta.sha256);
    expect(Buffer.from(rebuilt).equals(feed.rawPayload)).toBe(true);
  });

  it(`keeps deltas from at most the last ${DELTA_DEPTH} revisions; unknown pairs answer 404; ETags give 304`, async () => {
    while (revisions.length < DELTA_DEPTH + 2) revisions.push((await publish(db, { key, actor: 'test' })).revision);
    const index = deltaIndexSchema.parse((await signedJson('/feed/deltas/index.json')).data);
    const latest = revisions.at(-1)!;
    expect(index.deltas.map((delta) => delta.fromRevision)).toEqual(revisions.slice(-DELTA_DEPTH - 1, -1).reverse());
    expect(index.deltas.every((delta) => delta.toRevision === latest)).toBe(true);
    // Nothing changed but the header: each of these deltas is tiny.
    expect(Math.max(...index.deltas.map((delta) => delta.bytes))).toBeLessThan(2_000);
    expect((await get(`/feed/deltas/${revisions[0]}-${latest}.json`)).statusCode).toBe(404);
    expect((await get('/feed/deltas/1-x.json')).statusCode).toBe(404);
    expect((await get('/feed/deltas/..%2Fcatalogue.json')).statusCode).toBe(404);
    const path = `/feed/deltas/${index.deltas[0]!.path}`;
    const first = await get(path);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect((await get(path, { 'if-none-match': `W/${String(first.headers.etag)}` })).statusCode).toBe(304);
    const indexEtag = String((await get('/feed/deltas/index.json')).headers.etag);
    expect((await get('/feed/deltas/index.json', { 'if-none-match': indexEtag })).statusCode).toBe(304);
  }, 60_000);

  it('the extension\'s sync core over real HTTP: the full feed first, then the next publish arrives as a delta', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { store: syncStore, held } = memorySyncStore();
    const { region, revision, publishedAt, maintainer } = bundledCatalogue();
    const deps = { fetch: globalThis.fetch, now: () => Date.now(), store: syncStore, bundled: { region, revision, publishedAt, maintainer }, pack: packWithBundledSynonyms, timeoutMs: 10_000, maxBytes: 64 * 1024 * 1024 };
    const source = { feedUrl: `${address}/feed/catalogue.json`, trustedPublicKeys: [key.publicKey] };

    const first = await syncOnce(deps, source, 'install');
    expect(first.outcome, first.detail ?? '').toBe('updated');
    expect(held.pointer?.header.revision).toBe(revisions.at(-1));

    const [service] = await store.listRecords(db, 'service');
    const data = service!.data as Record<string, unknown>;
    expect((await store.saveRecord(db, 'service', service!.id, { ...data, name: `${String(data.name)} (taas)` }, 'test')).ok).toBe(true);
    revisions.push((await publish(db, { key, actor: 'test' })).revision);

    const second = await syncOnce(deps, source, 'alarm');
    expect(second.outcome, second.detail ?? '').toBe('updated');
    expect(second.delta).toMatchObject({ outcome: 'applied', reason: null });
    expect(held.pointer?.header.revision).toBe(revisions.at(-1));
    expect(held.source).toBe((await get('/feed/catalogue.json')).body);
    expect(second.bytes).toBeLessThan(10_000);
    expect((await syncOnce(deps, source, 'alarm')).outcome).toBe('notModified');
  }, 60_000);
});
