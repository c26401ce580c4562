import { describe, expect, it } from 'vitest';
import { packCatalogue } from '@/utils/search/compact/pack';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { memoryRecords } from '@/utils/search/compact/records';
import { openSearchIndex } from '@/utils/search/search-index';
import { rankServices, searchServices } from '@/utils/search/search';
import { querySetSchema, measureSet } from '@/utils/search/relevance';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { bundledCatalogue, bundledIndex, readJson } from './helpers';

/** Search a nurse can trust (issue 11): crisis help first, weak matches said, precision. */
const situations = querySetSchema.parse(readJson('tests/unit/fixtures/situation-queries.json')).queries;
const search = (query: string, limit = 10) => searchServices(bundledIndex(), query, { limit });

describe('crisis help comes first, by rule', () => {
  const crisisQueries = situations.filter((entry) => entry.crisis);

  it('the blind set has crisis queries in Finnish, Swedish and English', () => {
    expect(crisisQueries.length).toBeGreaterThanOrEqual(15);
    for (const language of ['fi', 'sv', 'en']) expect(crisisQueries.some((entry) => entry.why?.startsWith(`crisis ${language}`))).toBe(true);
  });

  it.each(crisisQueries)('"$query" ($crisis) puts tagged crisis help first', ({ query, expect: acceptable }) => {
    const [first] = search(query);
    expect(first?.crisis).toBe(true);
    expect(first?.weak).toBe(false);
    expect(acceptable).toContain(first!.organisation.id);
    expect(first!.service.crisisHelp?.length).toBeGreaterThan(0);
  });

  it('an English suicide query gets the crisis line and chat, not the volunteer recruitment', () => {
    const results = search('suicidal thoughts');
    expect(results.slice(0, 2).map((result) => result.service.id).sort()).toEqual(['mieli-ry-mieli-kriisichat', 'mieli-ry-mieli-kriisipuhelin']);
    const recruitment = results.findIndex((result) => result.service.id === 'mieli-ry-vapaaehtoiseksi-kriisiauttajaksi');
    expect(recruitment === -1 || results.slice(0, recruitment).every((result) => result.crisis)).toBe(true);
  });

  it('no filter and no place word hides crisis help (a shelter takes people from any municipality)', () => {
    const index = bundledIndex();
    const shelter = 'vantaan-turvakoti-turvakoti';
    const ids = (query: string, filters = {}) => rankServices(index, query, { limit: 10, filters }).map((hit) => ({ id: index.records.get(hit.position)!.service.id, crisis: hit.crisis }));
    // The Vantaa shelter is local to Vantaa: before, a Kerava filter or "Keravalla" dropped it.
    for (const [query, filters] of [
      ['mieheni lyö minua', { city: 'kerava' }],
      ['mieheni lyö minua Keravalla', {}],
      ['mieheni lyö minua', { category: 'velkaneuvonta', audience: 'nuoret' }],
    ] as const) {
      const results = ids(query, filters);
      expect(results.map((result) => result.id), `${query} ${JSON.stringify(filters)}`).toContain(shelter);
      expect(results[0]!.crisis).toBe(true);
    }
    const suicide = ids('haluan kuolla', { city: 'kerava', category: 'velkaneuvonta' });
    expect(suicide[0]).toEqual({ id: 'mieli-ry-mieli-kriisipuhelin', crisis: true });
    // Filters still apply to everything else.
    expect(ids('velkaneuvonta', { city: 'kerava' }).every((result) => result.id !== shelter)).toBe(true);
  });

  it('violence at home gets the shelter and the violence line before the crisis phone', () => {
    const first = search('mies lyö kotona')[0]!;
    expect(['vantaan-turvakoti', 'nollalinja']).toContain(first.organisation.id);
  });

  it('an everyday need is not a crisis', () => {
    for (const query of ['omaishoitaja tuki', 'velat', 'homeless shelter', 'substance abuse']) {
      expect(search(query).some((result) => result.crisis), query).toBe(false);
    }
  });

  it('crisis tags come from the catalogue: an untagged catalogue has no crisis results', () => {
    const catalogue = bundledCatalogue();
    const untagged = { ...catalogue, services: catalogue.services.map(({ crisisHelp: _tags, ...service }) => service) };
    const packed = packCatalogue(untagged, synonymFileSchema.parse(readJson('data/synonyms.json')), undefined, bundledLexicon());
    const organisations = new Map(packed.shards.flatMap((shard) => shard.organisations).map((organisation) => [organisation.id, organisation]));
    const index = openSearchIndex(packed.index, memoryRecords(packed.shards.flatMap((shard) => shard.services), organisations));
    expect(rankServices(index, 'haluan kuolla').some((hit) => hit.crisis)).toBe(false);
  });

  it('a tag naming a crisis need that data/crisis-needs.json does not have stops the pack', () => {
    const catalogue = bundledCatalogue();
    const wrong = { ...catalogue, services: catalogue.services.map((service, at) => (at === 0 ? { ...service, crisisHelp: ['panic'] } : service)) };
    expect(() => packCatalogue(wrong, synonymFileSchema.parse(readJson('data/synonyms.json')), undefined, bundledLexicon())).toThrow(/crisisHelp "panic"/);
  });
});

describe('results say how well they match', () => {
  it.each(situations.filter((entry) => entry.noMatch))('"$query": no service meets it, so only weak results, at most three', ({ query }) => {
    const results = search(query, 30);
    expect(results.length).toBeLessThanOrEqual(3);
    expect(results.every((result) => result.weak)).toBe(true);
  });

  it('a need the catalogue meets is a direct match, without a weak tail', () => {
    const results = search('omaishoitaja tuki', 30);
    expect(results[0]!.weak).toBe(false);
    expect(results.every((result) => !result.weak)).toBe(true);
  });

  it('a shared first stem is not a match ("silmälasit rikki" is not "rikos")', () => {
    expect(search('silmälasit rikki').every((result) => result.weak)).toBe(true);
  });
});

describe('precision', () => {
  it('the list ends where relevance ends, not at the limit', () => {
    const results = search('omaishoitaja tuki', 30);
    expect(results.length).toBeLessThan(12);
    expect(new Set(results.slice(0, 3).map((result) => result.organisation.id))).toContain('polli-paakaupunkiseudun-omaishoitajat');
  });

  it('a generic word beside the subject does not pull another organisation above it', () => {
    expect(search('närståendevårdare trött')[0]!.organisation.id).toBe('polli-paakaupunkiseudun-omaishoitajat');
    expect(search('vaimo muistisairas mies väsynyt')[0]!.organisation.id).toBe('vantaan-muistiyhdistys');
  });

  it('a place name is a city filter, not a search word', () => {
    const plain = rankServices(bundledIndex(), 'kuulo', { filters: { city: 'vantaa' } });
    expect(rankServices(bundledIndex(), 'kuulo Dickursby')).toEqual(plain);
    expect(search('kuulo Kervo').map((result) => result.organisation.id)).not.toContain('vantaan-kuuloyhdistys');
    expect(search('kuulo Kervo')[0]!.organisation.id).toBe('keski-uudenmaan-kuulo');
  });

  it('derivations and compounds whose parts the catalogue knows are direct matches', () => {
    const cases: Array<[string, string]> = [
      ['alkoholisti', 'a-klinikkasaatio'],
      ['muistiongelmainen', 'vantaan-muistiyhdistys'],
      ['selkävaivat', 'paakaupunkiseudun-selkayhdistys'],
      ['asunnottomuus', 'vailla-vakinaista-asuntoa'],
      ['missbruksproblem', 'a-klinikkasaatio'],
      ['skuldsanering', 'talous-ja-velkaneuvonta'],
    ];
    for (const [query, organisation] of cases) {
      const top3 = search(query, 3);
      expect(top3.length, query).toBeGreaterThan(0);
      expect(top3[0]!.weak, query).toBe(false);
      expect(top3.some((result) => ['a-klinikkasaatio', 'vantaan-a-kilta', 'ehyt-ry', 'tukikohta'].includes(organisation) ? ['a-klinikkasaatio', 'vantaan-a-kilta', 'ehyt-ry', 'tukikohta', 'sininauhasaatio'].includes(result.organisation.id) : result.organisation.id === organisation), query).toBe(true);
    }
  });

  it('an index packed before the lexicon existed still opens and searches (no crisis rules)', () => {
    const packed = packCatalogue(bundledCatalogue(), synonymFileSchema.parse(readJson('data/synonyms.json')), undefined, bundledLexicon());
    const { lexicon: _lexicon, crisisMasks: _masks, ...older } = packed.index;
    const organisations = new Map(packed.shards.flatMap((shard) => shard.organisations).map((organisation) => [organisation.id, organisation]));
    const index = openSearchIndex(older, memoryRecords(packed.shards.flatMap((shard) => shard.services), organisations));
    expect(rankServices(index, 'omaishoitaja tuki').length).toBeGreaterThan(0);
  });
});

describe('relevance on the blind client-situation set stays at what was measured', () => {
  it('hit@3, no-match accuracy and crisis first (npm run relevance prints them all)', () => {
    const index = bundledIndex();
    const figures = measureSet(situations, (query) =>
      rankServices(index, query, { limit: 10 }).map((hit) => ({ organisationId: index.records.get(hit.position)!.organisation.id, weak: hit.weak })),
    );
    expect(figures.hit3 / figures.matchQueries).toBeGreaterThanOrEqual(0.95);
    expect(figures.noMatchCorrect).toBe(figures.noMatchQueries);
    expect(figures.crisisFirst).toBe(figures.crisisQueries);
    expect(figures.silent).toBe(0);
  });
});
