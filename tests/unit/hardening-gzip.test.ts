/**
 * A gzip-encoded feed or signature with Content-Length (S3/CloudFront objects stored
 * compressed, nginx gzip_static) is not "truncated" (issue 12, item 8): Content-Length then
 * counts the compressed bytes. A real HTTP server on 127.0.0.1; Node's fetch decodes gzip like
 * a browser does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLimited } from '@/utils/sync/fetch-limited';
import { generateSigningKeyPair, signBytes } from '@/utils/sync/signature';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { syncOnce } from '@/utils/sync/sync-once';
import { bundledHeader } from './sync-browser-fixtures';
import { encode, feedCatalogue } from './sync-fixtures';
import { memorySyncStore } from './sync-memory-store';

let server: Server;
let base: string;
const files = new Map<string, { body: Buffer; type: string }>();

beforeAll(async () => {
  const key = await generateSigningKeyPair();
  const feed = encode(feedCatalogue(7));
  const signature = JSON.stringify(await signBytes(feed, key));
  files.set('/catalogue.json', { body: Buffer.from(feed), type: 'application/json' });
  files.set('/catalogue.json.sig', { body: Buffer.from(signature), type: 'application/octet-stream' });
  (globalThis as { feedKey?: string }).feedKey = key.publicKey;
  server = createServer((request, response) => {
    const file = files.get((request.url ?? '').replace(/^\/(gzip|plain|cut)/, ''));
    if (!file) return void response.writeHead(404).end();
    if (request.url!.startsWith('/gzip')) {
      const compressed = gzipSync(file.body);
      response.writeHead(200, { 'Content-Type': file.type, 'Content-Encoding': 'gzip', 'Content-Length': compressed.byteLength, ETag: '"z"' });
      return void response.end(compressed);
    }
    if (request.url!.startsWith('/cut')) {
      // Declares the whole length, sends half, then ends the connection.
      response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.byteLength });
      response.write(file.body.subarray(0, file.body.byteLength >> 1));
      return void setTimeout(() => response.socket?.destroy(), 20);
    }
    response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.byteLength });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const limits = { timeoutMs: 5_000, maxBytes: 1_000_000 };
const get = (path: string) => fetchLimited((input, init) => fetch(input, init), `${base}${path}`, limits);

describe('gzip Content-Encoding with Content-Length', () => {
  it('a gzip-encoded signature file (compressed larger than decoded) is read whole', async () => {
    const compressed = gzipSync(files.get('/catalogue.json.sig')!.body).byteLength;
    expect(compressed).toBeGreaterThan(files.get('/catalogue.json.sig')!.body.byteLength); // the case that misled the check
    const result = await get('/gzip/catalogue.json.sig');
    expect(result.kind).toBe('body');
  });

  it('a whole sync over gzip-encoded files updates the catalogue', async () => {
    const { store, held } = memorySyncStore();
    const result = await syncOnce(
      {
        fetch: (input, init) => fetch(input, init),
        now: Date.now,
        store,
        bundled: { ...bundledHeader(), revision: 1 },
        pack: packWithBundledSynonyms,
        timeoutMs: 5_000,
        maxBytes: 1_000_000,
      },
      { feedUrl: `${base}/gzip/catalogue.json`, trustedPublicKeys: [(globalThis as { feedKey?: string }).feedKey!] },
      'manual',
    );
    expect(result.detail).toBe('revision 7');
    expect(result.outcome).toBe('updated');
    expect(held.pointer?.header.revision).toBe(7);
  });

  it('without Content-Encoding a cut-off body is still "truncated"', async () => {
    const result = await get('/cut/catalogue.json');
    expect(result.kind === 'failed' && result.reason).toBe('truncated');
  });
});
