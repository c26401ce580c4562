import { describe, expect, it } from 'vitest';
import type { Catalogue } from '@/utils/catalogue/schema';
import { buildSearchIndex, type SearchIndex } from '@/utils/search/build-index';
import { packCatalogue } from '@/utils/search/compact/pack';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { shardedRecords } from '@/utils/search/compact/records';
import { openSearchIndex, PackedIndexError } from '@/utils/search/search-index';
import { rankServices, searchServices } from '@/utils/search/search';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { goldenCases } from '../bench/golden-cases';
import { bundledCatalogue, readJson } from './helpers';

/**
 * The compact index against recorded answers: tests/unit/fixtures/search-golden.json holds the
 * answers (positions and scores, top 10) for 1418 queries × filters on the bundled catalogue and
 * a generated one, first recorded from the in-memory core the compact index replaced (commit
 * 7de4d4c) and re-recorded on purpose when issue 11 changed the ranking (tests/bench/record-golden.ts).
 * The compact core must give exactly the same, whether the index is built in memory or packed
 * to JSON, stored, and opened with records read shard by shard.
 */
interface Golden {
  catalogue: string;
  query: string;
  results: Array<[number, number]>;
}

const synonyms = synonymFileSchema.parse(readJson('data/synonyms.json'));
const lexicon = bundledLexicon();
const golden = readJson('tests/unit/fixtures/search-golden.json') as Golden[];
const cases = goldenCases(bundledCatalogue());
const catalogues = [...new Set(cases.map((entry) => entry.catalogue.data))];

/** Packs, serialises and re-opens a catalogue the way the popup gets it. */
function openedFromJson(catalogue: Catalogue): SearchIndex {
  const packed = JSON.parse(JSON.stringify(packCatalogue(catalogue, synonyms, 16, lexicon))) as ReturnType<typeof packCatalogue>;
  return openSearchIndex(packed.index, shardedRecords(16, packed.shards.length, async (shard) => packed.shards[shard]));
}

const inMemory = new Map(catalogues.map((catalogue) => [catalogue, buildSearchIndex(catalogue, synonyms, lexicon)]));
const fromJson = new Map(catalogues.map((catalogue) => [catalogue, openedFromJson(catalogue)]));

describe('the compact search core', () => {
  it('has a recorded answer for every case', () => {
    expect(golden.map(({ catalogue, query }) => [catalogue, query])).toEqual(cases.map(({ catalogue, query }) => [catalogue.name, query]));
  });

  it('answers exactly as the in-memory core did (same services, order and scores)', () => {
    const differences: string[] = [];
    cases.forEach(({ catalogue, query, filters }, at) => {
      const position = new Map(catalogue.data.services.map((service, index) => [service.id, index]));
      const answer = searchServices(inMemory.get(catalogue.data)!, query, { filters, limit: 10 }).map(
        ({ service, score }) => [position.get(service.id)!, score],
      );
      if (JSON.stringify(answer) !== JSON.stringify(golden[at]!.results)) differences.push(`${catalogue.name} "${query}" ${JSON.stringify(filters)}`);
    });
    expect(differences).toEqual([]);
  }, 30_000);

  it('ranks the same when packed to JSON and opened with records read shard by shard', async () => {
    const differences: string[] = [];
    for (const { catalogue, query, filters } of cases) {
      const stored = fromJson.get(catalogue.data)!;
      const memory = inMemory.get(catalogue.data)!;
      const hits = rankServices(stored, query, { filters, limit: 10 });
      await stored.records.load(hits.map((hit) => hit.position));
      const ids = (index: SearchIndex) => searchServices(index, query, { filters, limit: 10 }).map(({ service, score }) => `${service.id} ${score}`);
      if (JSON.stringify(ids(stored)) !== JSON.stringify(ids(memory))) differences.push(`${catalogue.name} "${query}" ${JSON.stringify(filters)}`);
    }
    expect(differences).toEqual([]);
  }, 30_000);

  it('packs the same catalogue to the same bytes', () => {
    const catalogue = catalogues[0]!;
    expect(JSON.stringify(packCatalogue(catalogue, synonyms))).toBe(JSON.stringify(packCatalogue(catalogue, synonyms)));
  });

  it('refuses a packed index of another format or with arrays that do not fit', () => {
    const { index } = packCatalogue(catalogues[0]!, synonyms);
    const noRecords = shardedRecords(64, 0, async () => undefined);
    expect(() => openSearchIndex({ ...index, version: 99 }, noRecords)).toThrow(PackedIndexError);
    expect(() => openSearchIndex({ ...index, serviceCount: index.serviceCount + 1 }, noRecords)).toThrow(/service facts/);
    expect(() => openSearchIndex('not an index', noRecords)).toThrow(PackedIndexError);
  });

  it('refuses a record shard that is not a shard, and leaves out a record that is not valid', async () => {
    const { index, shards } = packCatalogue(catalogues[0]!, synonyms, 16);
    const notAShard = openSearchIndex(index, shardedRecords(16, index.shardCount, async () => ({ services: 'x' })));
    await expect(notAShard.records.load([0])).rejects.toThrow();
    expect(notAShard.records.get(0)).toBeUndefined();
    const brokenFirst = { ...shards[0]!, services: [{ id: 'x' }, ...shards[0]!.services.slice(1)] };
    const oneBroken = openSearchIndex(index, shardedRecords(16, index.shardCount, async () => brokenFirst));
    await oneBroken.records.load([0, 1]);
    expect(oneBroken.records.get(0)).toBeUndefined();
    expect(oneBroken.records.get(1)?.service.id).toBe(shards[0]!.services[1]!.id);
  });
});
