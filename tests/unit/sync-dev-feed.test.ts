import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { readJson } from './helpers';
import { startDevFeed } from '@/utils/cli/dev-feed-server';
import { DEV_FEED_PUBLIC_KEY } from '@/utils/sync/dev-feed';
import { INITIAL_SYNC_STATE, type StoredFeed, type SyncState } from '@/utils/sync/state';
import { syncOnce } from '@/utils/sync/sync-once';

let server: Server;
let url: string;
beforeAll(async () => {
  ({ server, url } = await startDevFeed(0));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the local demo feed of npm run dev', () => {
  it('is signed with the development key that dev builds trust, and answers 304 when unchanged', async () => {
    expect((readJson('data/demo/feed-key.json') as { publicKey: string }).publicKey).toBe(DEV_FEED_PUBLIC_KEY);
    let feed: StoredFeed | null = null;
    let state: SyncState = { ...INITIAL_SYNC_STATE };
    const deps = {
      fetch,
      now: Date.now,
      bundled: { region: 'vake', revision: 1 },
      timeoutMs: 5_000,
      maxBytes: 10_000_000,
      store: {
        readFeed: async () => feed,
        writeFeed: async (next: StoredFeed) => void (feed = next),
        readState: async () => state,
        writeState: async (next: SyncState) => void (state = next),
      },
    };
    const source = { feedUrl: url, trustedPublicKeys: [DEV_FEED_PUBLIC_KEY] };
    expect((await syncOnce(deps, source, 'install')).outcome).toBe('updated');
    expect(feed!.catalogue.services.map((service) => service.id)).toContain('kehityssyote-esimerkkipalvelu');
    expect((await syncOnce(deps, source, 'alarm')).outcome).toBe('notModified');
  });

  it('answers the CORS preflight that If-None-Match causes in a browser', async () => {
    const preflight = await fetch(url, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/if-none-match/i);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
