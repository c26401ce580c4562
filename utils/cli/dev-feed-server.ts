/**
 * The local demo feed for development: the bundled catalogue one revision up, with one demo
 * service, signed with the development key (data/demo/feed-key.json) and served on 127.0.0.1 the way
 * a static web server or CDN would (ETag, If-None-Match → 304, Cache-Control, CORS).
 * Started by `npm run dev` (utils/wxt-modules/dev-feed.ts) or alone with `npm run dev:feed`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { catalogueSchema, type Catalogue } from '../catalogue/schema';
import { DEV_FEED_PORT } from '../sync/dev-feed';
import { signBytes } from '../sync/signature';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const DEMO_SERVICE_NAME = 'Kehityssyötteen esimerkkipalvelu';

export function demoCatalogue(): Catalogue {
  const bundled = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8')));
  const template = bundled.services[0]!;
  return {
    ...bundled,
    revision: bundled.revision + 1,
    publishedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    services: [
      ...bundled.services,
      {
        ...template,
        id: 'kehityssyote-esimerkkipalvelu',
        name: DEMO_SERVICE_NAME,
        names: {},
        description: 'Näkyy vain kehitysversiossa: todiste siitä, että luettelon päivitys toimii.',
        keywords: ['kehityssyöte', 'esimerkkipalvelu'],
      },
    ],
  };
}

export async function startDevFeed(port = DEV_FEED_PORT): Promise<{ server: Server; url: string }> {
  const key = JSON.parse(readFileSync(resolve(ROOT, 'data/demo/feed-key.json'), 'utf8')) as { publicKey: string; privateKey: string };
  const body = Buffer.from(JSON.stringify(demoCatalogue()));
  const signature = JSON.stringify(await signBytes(new Uint8Array(body), key));
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Expose-Headers', 'ETag');
    response.setHeader('Access-Control-Allow-Headers', 'If-None-Match');
    response.setHeader('Cache-Control', 'no-cache');
    // If-None-Match is not a CORS-safelisted header: the conditional GET is preflighted.
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    if (request.url === '/catalogue.json.sig') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(signature);
    if (request.url !== '/catalogue.json') return void response.writeHead(404).end();
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, ETag: etag }).end(body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalogue.json`;
  return { server, url };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { url } = await startDevFeed();
  console.log(`Demo feed (development key) at ${url}; search "${DEMO_SERVICE_NAME}" in a dev build.`);
}
