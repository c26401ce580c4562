/** A signed demo feed for the end-to-end sync tests: the bundled catalogue at a higher revision. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signBytes, type SigningKeyPair } from '../../utils/sync/signature';
import type { Publication } from '../unit/sync-feed-server';

export const NEW_SERVICE_NAME = 'Koskikaran kalastusterapia';
export const NEW_SERVICE_QUERY = 'kalastusterapia';

const bundled = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/catalogue.json'), 'utf8')) as {
  revision: number;
  services: Array<Record<string, unknown>>;
};

export async function signedFeed(revision: number, key: SigningKeyPair): Promise<Publication> {
  const template = bundled.services[0]!;
  const feed = {
    ...bundled,
    revision,
    publishedAt: '2026-11-22T08:14:00Z',
    services: [
      ...bundled.services,
      {
        ...template,
        id: 'koskikara-kalastusterapia',
        name: NEW_SERVICE_NAME,
        names: {},
        description: 'Kalastusterapiaa ja luontoretkiä mielenterveyskuntoutujille Vantaalla.',
        keywords: ['kalastus', 'kalastusterapia', 'luontoretki'],
      },
    ],
  };
  const body = new TextEncoder().encode(JSON.stringify(feed));
  return { body, signature: JSON.stringify(await signBytes(body, key)) };
}
