import { describe, expect, it } from 'vitest';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { packCatalogue } from '@/utils/search/compact/pack';
import { memoryRecords, shardedRecords } from '@/utils/search/compact/records';
import { FIRST_SCREENFUL, loadFirstScreenfulFirst } from '@/utils/search/first-screenful';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { openSearchIndex } from '@/utils/search/search-index';
import { rankServices, searchServices, type SearchResult } from '@/utils/search/search';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { BENCH_QUERIES, generateCatalogue } from '../bench/generate-catalogue';
import { readJson } from './helpers';

/**
 * First screenful first (issue 22, item 3): the popup shows the first cards as soon as their
 * record shards are read. What it shows then must be exactly the top of the full answer, read
 * from at most one shard per card; and the full answer must be what the records in memory give.
 */
const SHARD_SIZE = 32;
const synonyms = synonymFileSchema.parse(readJson('data/synonyms.json'));
const categories = catalogueSchema.parse(readJson('data/catalogue.json')).categories;
const catalogue = generateCatalogue(3000, 11, categories);
const packed = JSON.parse(JSON.stringify(packCatalogue(catalogue, synonyms, SHARD_SIZE, bundledLexicon()))) as ReturnType<typeof packCatalogue>;
const services = packed.shards.flatMap((shard) => shard.services);
const organisations = new Map(packed.shards.flatMap((shard) => shard.organisations).map((organisation) => [organisation.id, organisation]));
const inMemory = openSearchIndex(packed.index, memoryRecords(services, organisations));
const queries = [...new Set([...BENCH_QUERIES.map(({ query }) => query), 'velka', 'vertaistuki', 'ver', 'haluan kuolla', 'lähisuhdeväkivalta'])];

/** The popup's index: records read shard by shard, each read counted. */
function shardedIndex(failing: ReadonlySet<number> = new Set()) {
  const reads: number[] = [];
  const index = openSearchIndex(
    packed.index,
    shardedRecords(SHARD_SIZE, packed.shards.length, async (shard) => {
      reads.push(shard);
      if (failing.has(shard)) throw new Error(`shard ${shard} unreadable`);
      return packed.shards[shard];
    }),
  );
  return { index, reads };
}

const summary = (results: SearchResult[]) => results.map(({ service, organisation, score, weak, crisis }) => ({ id: service.id, organisation: organisation.id, score, weak, crisis }));

describe('first screenful first', () => {
  it('shows the top of the full answer, read from the first screenful’s shards only, then the whole answer', async () => {
    let spread = 0;
    for (const query of queries) {
      const full = searchServices(inMemory, query, { limit: 30 });
      const { index, reads } = shardedIndex();
      const hits = rankServices(index, query, { limit: 30 });
      let first: SearchResult[] | undefined;
      let readsBeforeFirst = 0;
      const all = await loadFirstScreenfulFirst(index.records, hits, (results) => {
        first = results;
        readsBeforeFirst = reads.length;
      });
      expect(summary(all), query).toEqual(summary(full));
      if (full.length > FIRST_SCREENFUL) {
        expect(summary(first!), query).toEqual(summary(full.slice(0, FIRST_SCREENFUL)));
        expect(readsBeforeFirst, query).toBeLessThanOrEqual(FIRST_SCREENFUL);
        if (new Set(reads).size > readsBeforeFirst) spread += 1;
      } else {
        expect(first, query).toBeUndefined();
      }
    }
    // The case this is for: answers spread over more shards than the first screen needs.
    expect(spread).toBeGreaterThan(3);
  });

  it('leaves out the results of a shard that cannot be read, and still resolves', async () => {
    const query = 'velka';
    const full = searchServices(inMemory, query, { limit: 30 });
    expect(full.length).toBeGreaterThan(FIRST_SCREENFUL);
    const broken = Math.floor(rankServices(inMemory, query, { limit: 30 })[1]!.position / SHARD_SIZE);
    const { index } = shardedIndex(new Set([broken]));
    const hits = rankServices(index, query, { limit: 30 });
    let first: SearchResult[] = [];
    const all = await loadFirstScreenfulFirst(index.records, hits, (results) => (first = results));
    const readable = (results: SearchResult[]) => summary(results.filter((_, at) => Math.floor(hits[at]!.position / SHARD_SIZE) !== broken));
    expect(summary(all)).toEqual(readable(full));
    expect(summary(first)).toEqual(readable(full.slice(0, FIRST_SCREENFUL)));
    expect(all.length).toBeLessThan(full.length);
  });
});
