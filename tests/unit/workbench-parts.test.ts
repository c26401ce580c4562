/**
 * Issue 22: the workbench serves the latest revision also in parts: a signed manifest and
 * content-addressed part files, organisations before services, whose bytes rebuild catalogue.json
 * exactly (its SHA-256), served with ETags (manifest) and immutable caching (parts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createCatalogueAssembler, createTextHasher, partsManifestSchema, sha256HexSync } from '@/utils/sync/parts';
import { verifyDetached, type SigningKeyPair } from '@/utils/sync/signature';
import { buildApp } from '@/workbench/src/app';
import type { Db } from '@/workbench/src/db/db';
import { publish } from '@/workbench/src/publishing';
import * as store from '@/workbench/src/store';
import { seededDb } from '../workbench/harness';

describe('workbench feed in parts (PGlite)', () => {
  let db: Db;
  let app: FastifyInstance;
  let key: SigningKeyPair;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  beforeAll(async () => {
    ({ db, key } = await seededDb());
    // Small parts, so that the bundled catalogue's ~90 services make several.
    app = await buildApp({ db, key, publicUrl: 'http://127.0.0.1:1', feedPartBytes: 16 * 1024 });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function manifest() {
    const body = await get('/feed/parts/index.json');
    const sig = await get('/feed/parts/index.json.sig');
    expect(body.statusCode).toBe(200);
    expect(await verifyDetached(new Uint8Array(body.rawPayload), sig.body, [key.publicKey])).toBe('valid');
    return { response: body, manifest: partsManifestSchema.parse(JSON.parse(body.body)) };
  }

  it('signs a manifest of the latest revision whose parts rebuild catalogue.json byte for byte', async () => {
    const feed = await get('/feed/catalogue.json');
    const { manifest: parts } = await manifest();
    expect(parts.revision).toBe(JSON.parse(feed.body).revision);
    expect(parts.sha256).toBe(sha256HexSync(new Uint8Array(feed.rawPayload)));
    expect(parts.bytes).toBe(feed.rawPayload.length);
    expect(parts.sections).not.toHaveProperty('services');
    expect(parts.sections).not.toHaveProperty('organisations');
    const lists = parts.parts.map((part) => part.list);
    expect(lists.lastIndexOf('organisations')).toBeLessThan(lists.indexOf('services'));
    expect(lists.filter((list) => list === 'services').length).toBeGreaterThan(3);

    const texts: Record<'organisations' | 'services', string[]> = { organisations: [], services: [] };
    for (const entry of parts.parts) {
      const part = await get(`/feed/parts/${entry.sha256}.json`);
      expect(part.statusCode).toBe(200);
      expect(part.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(part.headers['content-type']).toMatch(/^application\/json/);
      expect(part.rawPayload.length).toBe(entry.bytes);
      expect(sha256HexSync(new Uint8Array(part.rawPayload))).toBe(entry.sha256);
      expect(JSON.parse(part.body)).toHaveLength(entry.records);
      texts[entry.list].push(part.body);
    }
    const hasher = createTextHasher();
    let rebuilt = '';
    const assembler = createCatalogueAssembler(parts.keys, parts.sections, (text) => {
      hasher.update(text);
      rebuilt += text;
    });
    for (const list of ['organisations', 'services'] as const) for (const text of texts[list]) assembler.part(list, text);
    assembler.finish();
    expect(rebuilt).toBe(feed.body);
    expect(hasher.digest()).toEqual({ sha256: parts.sha256, bytes: parts.bytes });
  });

  it('answers 304 to the manifest ETag, 404 to unknown or malformed part names', async () => {
    const { response } = await manifest();
    const etag = String(response.headers.etag);
    expect((await get('/feed/parts/index.json', { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
    expect((await get(`/feed/parts/${'0'.repeat(64)}.json`)).statusCode).toBe(404);
    expect((await get('/feed/parts/..%2Fcatalogue.json')).statusCode).toBe(404);
    expect((await get('/feed/parts/index.json.sig')).statusCode).toBe(200);
  });

  it('a new revision gets a new manifest; the parts that changed are gone, the unchanged ones keep their names', async () => {
    const before = (await manifest()).manifest;
    const [service] = await store.listRecords(db, 'service');
    const data = service!.data as Record<string, unknown>;
    expect((await store.saveRecord(db, 'service', service!.id, { ...data, name: `${String(data.name)} (uusi)` }, 'test')).ok).toBe(true);
    await publish(db, { key, actor: 'test', now: new Date('2030-01-01T00:00:00Z') });
    const after = (await manifest()).manifest;
    expect(after.revision).toBe(before.revision + 1);
    const kept = after.parts.filter((part) => before.parts.some((old) => old.sha256 === part.sha256));
    const gone = before.parts.filter((part) => !after.parts.some((next) => next.sha256 === part.sha256));
    expect(gone.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    expect((await get(`/feed/parts/${gone[0]!.sha256}.json`)).statusCode).toBe(404);
    expect((await get(`/feed/parts/${kept[0]!.sha256}.json`)).statusCode).toBe(200);
  });
});
