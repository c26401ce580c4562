/**
 * A feed synced through the real path (HTTP server on 127.0.0.1, signature, validation, the
 * background's packer, extension storage) searches exactly as the bundled catalogue does: same
 * services, order, scores, weak and crisis marks, for every query of the project's query sets.
 * The background packs with the bundled synonyms and lexicon (crisis needs, generic and place
 * words, derivations), as the build does; without the lexicon, crisis help would not come first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openChosen } from '@/utils/catalogue/open';
import type { SearchIndex } from '@/utils/search/search-index';
import { rankServices, searchServices } from '@/utils/search/search';
import { syncSettingsItem } from '@/utils/storage';
import { createSyncRunner } from '@/utils/sync/background';
import { generateSigningKeyPair } from '@/utils/sync/signature';
import { bundledIndex, readJson } from './helpers';
import { startFeedServer, type FeedServer } from './sync-feed-server';
import { encode, feedCatalogue, signedPublication } from './sync-fixtures';
import { catalogueInUse, testAdapters } from './sync-browser-fixtures';

const QUERY_SETS = ['shared-queries', 'regression-queries', 'situation-queries'];
const queries = QUERY_SETS.flatMap((set) => (readJson(`tests/unit/fixtures/${set}.json`) as { queries: Array<{ query: string }> }).queries.map(({ query }) => query));

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

async function answers(index: SearchIndex, query: string) {
  await index.records.load(rankServices(index, query, { limit: 10 }).map((hit) => hit.position));
  return searchServices(index, query, { limit: 10 }).map(({ service, score, weak, crisis }) => ({ id: service.id, score, weak, crisis }));
}

describe('a synced feed searches as the bundled catalogue does', () => {
  it('the bundled catalogue, delivered as a feed one revision up, answers every query set identically', async () => {
    fakeBrowser.reset();
    const key = await generateSigningKeyPair();
    const bundled = bundledIndex().catalogue;
    server.publish(await signedPublication(encode(feedCatalogue(bundled.revision + 1, { withNewService: false })), key));
    await syncSettingsItem.setValue({ feedUrl: server.url, trustedPublicKeys: [key.publicKey] });
    const runner = createSyncRunner(testAdapters(), { timeoutMs: 10_000, defaults: { feedUrl: null, trustedPublicKeys: [], refreshIntervalHours: 6 } });
    const state = await runner.run('install');
    expect(state.outcome, state.detail ?? '').toBe('updated');

    const inUse = await catalogueInUse();
    expect(inUse.source).toBe('feed');
    const opened = await openChosen(inUse);
    if (opened.status !== 'ready') throw new Error(opened.problems.join('; '));
    const feed = opened.index;
    expect(feed.lexicon).toEqual(bundledIndex().lexicon);

    const differences: string[] = [];
    let crisis = 0;
    for (const query of queries) {
      const [fromFeed, fromBundled] = [await answers(feed, query), await answers(bundledIndex(), query)];
      if (JSON.stringify(fromFeed) !== JSON.stringify(fromBundled)) differences.push(query);
      if (fromFeed.some((hit) => hit.crisis)) crisis += 1;
    }
    expect(differences).toEqual([]);
    // The crisis rule is among what is compared (the blind set has crisis queries in three languages).
    expect(crisis).toBeGreaterThanOrEqual(15);
  }, 60_000);
});
