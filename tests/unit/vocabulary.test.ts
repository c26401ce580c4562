import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryWordsFileSchema } from '@/utils/search/lexicon-files';
import { searchServices } from '@/utils/search/search';
import { buildSearchIndex } from '@/utils/search/build-index';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { compileVocabulary, tagServices, vocabularyGroups } from '@/utils/search/vocabulary';
import { buildNeeds } from '@/utils/vocabulary/build-needs';
import { curatedFileSchema, everydayFileSchema, needsFileSchema, serviceConceptsFileSchema, sourceExtractSchema, tagOverridesFileSchema } from '@/utils/vocabulary/schema';
import { selectedBy, ysoRulesFileSchema } from '@/utils/vocabulary/yso';
import { bundledCatalogue, bundledIndex, readJson, ROOT } from './helpers';

const needs = needsFileSchema.parse(readJson('data/vocabulary/needs.json'));
const overrides = tagOverridesFileSchema.parse(readJson('data/vocabulary/tag-overrides.json'));
const sources = () => {
  const queryWords = queryWordsFileSchema.parse(readJson('data/query-words.json'));
  return {
    curated: curatedFileSchema.parse(readJson('data/vocabulary/curated.json')),
    everyday: everydayFileSchema.parse(readJson('data/vocabulary/everyday.json')),
    ptvClasses: sourceExtractSchema.parse(readJson('data/vocabulary/sources/ptv-service-classes.json')),
    ptvTargetGroups: sourceExtractSchema.parse(readJson('data/vocabulary/sources/ptv-target-groups.json')),
    yso: sourceExtractSchema.parse(readJson('data/vocabulary/sources/yso-labels.json')),
    ysoRules: ysoRulesFileSchema.parse(readJson('data/vocabulary/yso-rules.json')),
    genericWords: [...queryWords.generic.fi, ...queryWords.generic.sv, ...queryWords.generic.en],
  };
};

const languages3 = (concept: (typeof needs.concepts)[number]) => (['fi', 'sv', 'en'] as const).every((language) => concept.terms[language].length > 0);

describe('need vocabulary (data/vocabulary/needs.json)', () => {
  it('is built deterministically from the committed sources, and the committed file is up to date', () => {
    const first = buildNeeds(sources());
    expect(buildNeeds(sources())).toEqual(first);
    expect(first).toEqual(needs);
  });

  it('names a source for every term, and every source is attributed with its licence', () => {
    const attribution = readFileSync(resolve(ROOT, 'data/vocabulary/ATTRIBUTION.md'), 'utf8');
    const tags = new Set<string>();
    for (const concept of needs.concepts) {
      for (const language of ['fi', 'sv', 'en'] as const) {
        expect(concept.terms[language].length, `${concept.id} ${language}`).toBeGreaterThan(0);
        for (const term of concept.terms[language]) tags.add(term.source.split(':')[0]!);
      }
    }
    for (const tag of tags) expect(attribution).toContain(`\`${tag.startsWith('curated') ? `${tag}\`` : `${tag}:`}`);
    expect(attribution).toMatch(/CC BY 4\.0/);
  });

  it('keeps the PTV codes on the concepts, with their URIs, and links only to known concepts', () => {
    const ids = new Set(needs.concepts.map((concept) => concept.id));
    expect(needs.concepts.find((concept) => concept.id === 'substance-use')?.ptv).toContainEqual({ code: 'P5.7', uri: 'http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P5.7' });
    for (const concept of needs.concepts) for (const link of [...concept.broader, ...concept.related]) expect(ids.has(link), `${concept.id} → ${link}`).toBe(true);
    expect(needs.concepts.length).toBeGreaterThanOrEqual(300);
  });

  it('links YSO labels to the concepts that have the same term, and YSO concepts selected by rule sit under the rule\'s concept', () => {
    const byId = new Map(needs.concepts.map((concept) => [concept.id, concept]));
    // "ongelmapelaaminen" is a curated gambling term: YSO p25449 brings its Swedish and English labels.
    expect(byId.get('gambling')!.terms.sv).toContainEqual({ text: 'problemspelande', source: 'yso:p25449' });
    const ysoConcepts = needs.concepts.filter((concept) => concept.id.startsWith('yso-'));
    expect(ysoConcepts.length).toBeGreaterThan(100);
    for (const concept of ysoConcepts) {
      expect(concept.broader).toHaveLength(1);
      for (const language of ['fi', 'sv', 'en'] as const) expect(concept.terms[language][0]?.source, concept.id).toBe(`yso:${concept.id.slice(4)}`);
    }
    const nettiriippuvuus = needs.concepts.find((concept) => concept.terms.fi.some((term) => term.text === 'lääkeriippuvuus'));
    expect(nettiriippuvuus?.broader).toEqual(['addiction']);
    expect(needs.concepts.filter((concept) => languages3(concept)).length).toBeGreaterThanOrEqual(300);
  });

  it('selects YSO concepts by compound part at a word start or as a long enough head, never inside another word', () => {
    const rules = ysoRulesFileSchema.parse(readJson('data/vocabulary/yso-rules.json'));
    const label = (fi: string) => ({ fi, sv: 'x', en: 'x' });
    expect(selectedBy(label('nettiriippuvuus'), rules)).toBe('addiction');
    expect(selectedBy(label('omaishoitoperheet'), rules)).toBe('caregiving');
    expect(selectedBy(label('viranomaiset'), rules)).toBeNull();
    expect(selectedBy(label('alkoholilaki'), rules)).toBeNull();
  });

  it('never makes a generic query word a concept term', () => {
    const queryWords = queryWordsFileSchema.parse(readJson('data/query-words.json'));
    const generic = new Set([...queryWords.generic.fi, ...queryWords.generic.sv, ...queryWords.generic.en]);
    for (const concept of needs.concepts) for (const term of [...concept.terms.fi, ...concept.terms.sv, ...concept.terms.en]) expect(generic.has(term.text), term.text).toBe(false);
  });
});

describe('services tagged with concepts', () => {
  const vocabulary = compileVocabulary(needs, overrides);
  const tags = tagServices(bundledCatalogue(), vocabulary);

  it('matches concept terms in a service\'s text, and the committed service-concepts.json is what tagging gives', () => {
    expect(tags['talous-ja-velkaneuvonta-talous-ja-velkaneuvonta']).toContain('debt');
    expect(tags['vantaan-muistiyhdistys-uudenmaan-muistiluotsi-yhteistyo']).toContain('memory');
    expect(serviceConceptsFileSchema.parse(readJson('data/vocabulary/service-concepts.json')).services).toEqual(tags);
  });

  it("applies the maintainers' overrides", () => {
    const service = 'talous-ja-velkaneuvonta-talous-ja-velkaneuvonta';
    const changed = tagServices(bundledCatalogue(), { ...vocabulary, add: { [service]: ['memory'] }, remove: { [service]: ['debt'] } });
    expect(changed[service]).toContain('memory');
    expect(changed[service]).not.toContain('debt');
  });

  it('has everyday wording (curated-everyday) in Finnish, Swedish and English for every concept a service is tagged with', () => {
    const served = [...new Set(Object.values(tags).flat())].sort();
    expect(served.length).toBeGreaterThan(50);
    const byId = new Map(needs.concepts.map((concept) => [concept.id, concept]));
    const lacking = served.flatMap((id) =>
      (['fi', 'sv', 'en'] as const).filter((language) => byId.get(id)!.terms[language].filter((term) => term.source === 'curated-everyday').length < 3).map((language) => `${id} ${language}`),
    );
    expect(lacking).toEqual([]);
  });

  it('lets everyday terms call a concept up from a query but never tag a service', () => {
    const withoutEveryday = { ...needs, concepts: needs.concepts.map((concept) => ({ ...concept, terms: { fi: concept.terms.fi.filter((term) => term.source !== 'curated-everyday'), sv: concept.terms.sv.filter((term) => term.source !== 'curated-everyday'), en: concept.terms.en.filter((term) => term.source !== 'curated-everyday') } })) };
    expect(tagServices(bundledCatalogue(), compileVocabulary(withoutEveryday, overrides))).toEqual(tags);
    const debt = vocabulary.concepts.find((concept) => concept.id === 'debt')!;
    expect(debt.everyday?.length).toBeGreaterThan(0);
    expect(vocabularyGroups(vocabulary, tags).find((group) => group.targets[0] === '~debt')!.triggers).toEqual(expect.arrayContaining(debt.everyday!));
  });

  it('gives no synonym group to a concept no service is tagged with', () => {
    const unserved = vocabulary.concepts.find((concept) => !Object.values(tags).flat().includes(concept.id));
    expect(unserved).toBeDefined();
    const groups = vocabularyGroups(vocabulary, tags);
    expect(groups.map((group) => group.triggers)).not.toContainEqual(unserved!.terms);
    expect(groups.length).toBeGreaterThan(0);
  });
});

describe('search with the vocabulary', () => {
  it('ranks first a service that meets both needs of a two-need query (the concepts do it: without them a one-need service is first)', () => {
    const tags = tagServices(bundledCatalogue(), compileVocabulary(needs, overrides));
    const withoutVocabulary = buildSearchIndex(bundledCatalogue(), synonymFileSchema.parse(readJson('data/synonyms.json')), bundledLexicon());
    for (const [query, a, b] of [
      ['velkaantunut vanki', 'debt', 'offenders'],
      ['debt prisoner', 'debt', 'offenders'],
      ['mielenterveys työtön', 'mental-health', 'employment'],
    ] as const) {
      const first = searchServices(bundledIndex(), query)[0];
      expect(first, query).toBeDefined();
      expect(tags[first!.service.id], query).toEqual(expect.arrayContaining([a, b]));
      expect(first!.weak, query).toBe(false);
      const plainFirst = searchServices(withoutVocabulary, query)[0]!;
      expect([a, b].every((id) => tags[plainFirst.service.id]!.includes(id)), `${query} without the vocabulary`).toBe(false);
    }
  });

  it('matches a concept phrase in other inflections, tenses and word orders', () => {
    for (const [query, concept] of [
      ['laskut kasaantuu', 'debt'],
      ['laskuja on kasautunut', 'debt'],
      ['rahat ei riitä', 'money'],
      ['rahaa ei riittänyt ruokaan', 'food-aid'],
      ['ei pääse viinasta eroon', 'alcohol'],
      ['viinasta ei pääse eroon', 'alcohol'],
      // The negation verb by person and with -kä: a phrase's "ei" meets them all.
      ['ei näe ketään', 'loneliness'],
      ['en näe ketään', 'loneliness'],
      ['he eivät näe ketään', 'loneliness'],
      ['eikä näe ketään', 'loneliness'],
    ] as const) {
      const tags = tagServices(bundledCatalogue(), compileVocabulary(needs, overrides));
      const first = searchServices(bundledIndex(), query)[0];
      expect(first, query).toBeDefined();
      expect(first!.weak, query).toBe(false);
      expect(tags[first!.service.id], query).toContain(concept);
    }
  });

  it('keeps every need the catalogue does not serve a "no direct match" (weak or empty)', () => {
    const situations = (readJson('tests/unit/fixtures/situation-queries.json') as { queries: Array<{ query: string; noMatch?: boolean }> }).queries;
    const unserved = situations.filter((query) => query.noMatch);
    expect(unserved.length).toBeGreaterThan(10);
    for (const { query } of unserved) {
      const results = searchServices(bundledIndex(), query);
      expect(results.every((result) => result.weak), query).toBe(true);
    }
  });
});
