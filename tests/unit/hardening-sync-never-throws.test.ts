/**
 * `syncOnce` never throws (issue 12, item 9): whatever the storage does, it returns the state.
 */
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, signBytes } from '@/utils/sync/signature';
import { INITIAL_SYNC_STATE } from '@/utils/sync/state';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { syncOnce, type SyncStore } from '@/utils/sync/sync-once';
import { bundledHeader } from './sync-browser-fixtures';
import { encode, feedCatalogue } from './sync-fixtures';

async function feedFetch() {
  const key = await generateSigningKeyPair();
  const body = encode(feedCatalogue(9));
  const signature = JSON.stringify(await signBytes(body, key));
  const fetch = async (input: string) =>
    input.endsWith('.sig')
      ? new Response(signature, { status: 200 })
      : new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength) } });
  return { fetch, key: key.publicKey };
}

const deps = (fetch: (input: string) => Promise<Response>, store: SyncStore) => ({
  fetch,
  now: Date.now,
  store,
  bundled: { ...bundledHeader(), revision: 1 },
  pack: packWithBundledSynonyms,
  timeoutMs: 5_000,
  maxBytes: 10_000_000,
});
const broken = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
/** The feed-store operations these cases never reach (nothing stored to annotate or drop). */
const untouched = { annotateFeed: async () => undefined, removeFeed: async () => undefined, readFeedSource: async () => null };

describe('syncOnce never throws', () => {
  it('writing the state fails after a failed catalogue write: the state is returned', async () => {
    const { fetch, key } = await feedFetch();
    const store: SyncStore = { ...untouched, readFeed: async () => null, writeFeed: broken, readState: async () => ({ ...INITIAL_SYNC_STATE }), writeState: broken };
    const state = await syncOnce(deps(fetch, store), { feedUrl: 'https://feed.example/catalogue.json', trustedPublicKeys: [key] }, 'alarm');
    expect(state.outcome).toBe('failed');
    expect(state.reason).toBe('storageFailed');
  });

  it('reading the state fails: an attempt is still made and its state returned', async () => {
    const { fetch, key } = await feedFetch();
    let written: unknown = null;
    const store: SyncStore = { ...untouched, readFeed: async () => null, writeFeed: async () => undefined, readState: broken, writeState: async (state) => void (written = state) };
    const state = await syncOnce(deps(fetch, store), { feedUrl: 'https://feed.example/catalogue.json', trustedPublicKeys: [key] }, 'alarm');
    expect(state.outcome).toBe('updated');
    expect(written).toEqual(state);
  });

  it('reading the stored feed fails: nothing is written over it (it may be newer), the state says why', async () => {
    const { fetch, key } = await feedFetch();
    let feedWrites = 0;
    const store: SyncStore = {
      readFeed: broken,
      readFeedSource: broken,
      writeFeed: async () => void feedWrites++,
      annotateFeed: async () => void feedWrites++,
      removeFeed: async () => void feedWrites++,
      readState: async () => ({ ...INITIAL_SYNC_STATE }),
      writeState: async () => undefined,
    };
    const state = await syncOnce(deps(fetch, store), { feedUrl: 'https://feed.example/catalogue.json', trustedPublicKeys: [key] }, 'alarm');
    expect(state.reason).toBe('storageFailed');
    expect(feedWrites).toBe(0);
  });

  it('a fetch function that throws synchronously and a state that cannot be written: still a state', async () => {
    const store: SyncStore = { ...untouched, readFeed: async () => null, writeFeed: async () => undefined, readState: async () => ({ ...INITIAL_SYNC_STATE }), writeState: broken };
    const throwing = () => {
      throw new Error('boom');
    };
    const state = await syncOnce(deps(throwing as never, store), { feedUrl: 'https://feed.example/catalogue.json', trustedPublicKeys: ['K'] }, 'manual');
    expect(state.outcome).toBe('failed');
    expect(state.reason).toBe('networkError');
  });
});
