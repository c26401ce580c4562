import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { readJson } from './helpers';
import { startDevFeed } from '@/utils/cli/dev-feed-server';
import { DEV_FEED_PUBLIC_KEY } from '@/utils/sync/dev-feed';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { syncOnce } from '@/utils/sync/sync-once';
import { bundledHeader } from './sync-browser-fixtures';
import { memorySyncStore } from './sync-memory-store';

let server: Server;
let url: string;
beforeAll(async () => {
  ({ server, url } = await startDevFeed(0));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the local demo feed of npm run dev', () => {
  it('is signed with the development key that dev builds trust, and answers 304 when unchanged', async () => {
    expect((readJson('data/demo/feed-key.json') as { publicKey: string }).publicKey).toBe(DEV_FEED_PUBLIC_KEY);
    const { store, held } = memorySyncStore();
    const deps = {
      pack: packWithBundledSynonyms,
      fetch,
      now: Date.now,
      bundled: { ...bundledHeader(), revision: 1 },
      timeoutMs: 5_000,
      maxBytes: 10_000_000,
      store,
    };
    const source = { feedUrl: url, trustedPublicKeys: [DEV_FEED_PUBLIC_KEY] };
    expect((await syncOnce(deps, source, 'install')).outcome).toBe('updated');
    expect(held.packed!.shards.flatMap((shard) => shard.services).map((service) => service.id)).toContain('kehityssyote-esimerkkipalvelu');
    expect((await syncOnce(deps, source, 'alarm')).outcome).toBe('notModified');
  });

  it('answers the CORS preflight that If-None-Match causes in a browser', async () => {
    const preflight = await fetch(url, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/if-none-match/i);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
