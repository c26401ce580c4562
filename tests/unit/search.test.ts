import { describe, expect, it } from 'vitest';
import { splitCompound } from '@/utils/search/compound';
import { foldDiacritics, tokenise } from '@/utils/search/normalise';
import { searchServices } from '@/utils/search/search';
import { stemTerms } from '@/utils/search/stem';
import { suggestBroaderQuery } from '@/utils/search/suggest';
import { bundledCatalogue, bundledIndex } from './helpers';

const topOrganisation = (query: string, options = {}) => searchServices(bundledIndex(), query, options)[0]?.organisation.id;

describe('normalising text', () => {
  it('folds Finnish and Swedish letters for matching', () => {
    expect(foldDiacritics('päihteet öljy åland')).toBe('paihteet oljy aland');
  });

  it('splits words, keeps hyphenated compounds whole as well as in parts', () => {
    expect(tokenise('Ruoka-apu, VELAT!')).toEqual(['ruoka', 'apu', 'ruokaapu', 'velat']);
  });

  it('stems inflected forms to the same term', () => {
    expect(stemTerms('omaishoitajille')).toEqual(stemTerms('omaishoitajat'));
  });
});

describe('splitting compounds against a vocabulary', () => {
  const known = new Set(['vertaistuki', 'vertais', 'tuki', 'ryhma', 'velka', 'neuvonta']);
  const isKnown = (part: string) => known.has(part);

  it('uses the fewest parts', () => {
    expect(splitCompound('vertaistukiryhma', isKnown)).toEqual(['vertaistuki', 'ryhma']);
  });

  it('accepts an inflected last part', () => {
    expect(splitCompound('velkaneuvontaan', isKnown)).toEqual(['velka', 'neuvonta']);
  });

  it('leaves unknown words alone', () => {
    expect(splitCompound('kissankello', isKnown)).toBeNull();
  });
});

describe('need search', () => {
  it.each([
    ['inflection', 'omaishoitajille', 'polli-paakaupunkiseudun-omaishoitajat'],
    ['compound', 'vertaistukiryhmä diabetes', 'diabeteksen-vertaistuki'],
    ['typo', 'omaishoitja', 'polli-paakaupunkiseudun-omaishoitajat'],
    ['missing diacritics', 'lahisuhdevakivalta', 'vantaan-turvakoti'],
    ['several words', 'muistisairaan omainen tuki', 'vantaan-muistiyhdistys'],
    ['Swedish', 'närståendevårdare', 'polli-paakaupunkiseudun-omaishoitajat'],
    ['English', 'debt advice', 'talous-ja-velkaneuvonta'],
    ['colloquial word from the synonym table', 'pikavipit', 'talous-ja-velkaneuvonta'],
  ])('understands %s: "%s"', (_kind, query, organisationId) => {
    const top3 = searchServices(bundledIndex(), query, { limit: 3 }).map((result) => result.organisation.id);
    expect(top3).toContain(organisationId);
  });

  it('answers a partly typed word (results update as she types)', () => {
    expect(topOrganisation('omaishoi')).toBe('polli-paakaupunkiseudun-omaishoitajat');
  });

  it('returns nothing for an empty query without filters, and nothing for nonsense', () => {
    expect(searchServices(bundledIndex(), '   ')).toEqual([]);
    expect(searchServices(bundledIndex(), 'xqzvwk')).toEqual([]);
  });

  it('never shows organisations that have no gathered facts', () => {
    const withoutFacts = ['elamanlaatu-ry', 'kondis-rf', 'marjatta-saatio'];
    // Every service a filter lets through (no words: the whole list in name order).
    const everything = searchServices(bundledIndex(), '', { filters: { language: 'fi' }, limit: 500 });
    expect(everything.length).toBeGreaterThan(20);
    expect(everything.filter((result) => withoutFacts.includes(result.organisation.id))).toEqual([]);
  });

  it('ranks best first with deterministic ties', () => {
    const first = searchServices(bundledIndex(), 'vertaistuki', { limit: 50 });
    const second = searchServices(bundledIndex(), 'vertaistuki', { limit: 50 });
    expect(first.map((result) => result.service.id)).toEqual(second.map((result) => result.service.id));
    const scores = first.map((result) => result.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('respects the limit', () => {
    expect(searchServices(bundledIndex(), 'vertaistuki', { limit: 2 })).toHaveLength(2);
  });
});

describe('filters', () => {
  const catalogue = bundledCatalogue();
  const areasOf = (serviceId: string) => catalogue.services.find((service) => service.id === serviceId)!.areas;

  it('city Kerava keeps Kerava, region-wide and national services and drops Vantaa-only ones', () => {
    const results = searchServices(bundledIndex(), 'kuulo', { filters: { city: 'kerava' }, limit: 50 });
    expect(results.map((result) => result.organisation.id)).toContain('keski-uudenmaan-kuulo');
    expect(results.map((result) => result.organisation.id)).not.toContain('vantaan-kuuloyhdistys');
    for (const result of results) expect(areasOf(result.service.id).some((area) => area !== 'vantaa')).toBe(true);
  });

  it('by category, target group and language', () => {
    const crisis = searchServices(bundledIndex(), 'puhelin', { filters: { category: 'kriisiauttaminen' }, limit: 50 });
    expect(crisis.length).toBeGreaterThan(0);
    for (const result of crisis) expect(result.service.categories).toContain('kriisiauttaminen');

    const families = searchServices(bundledIndex(), 'vertaistuki', { filters: { audience: 'lapsiperheet' }, limit: 50 });
    expect(families.length).toBeGreaterThan(0);
    for (const result of families) expect(result.service.audiences).toContain('lapsiperheet');

    const swedish = searchServices(bundledIndex(), 'tuki', { filters: { language: 'sv' }, limit: 50 });
    for (const result of swedish) expect(result.service.languages).toContain('sv');
  });

  it('with an empty query lists every matching service, so filters alone can browse', () => {
    const all = searchServices(bundledIndex(), '', { filters: { category: 'kriisiauttaminen' }, limit: 100 });
    const expected = bundledCatalogue().services.filter((service) => service.categories.includes('kriisiauttaminen'));
    expect(all).toHaveLength(expected.length);
  });
});

describe('suggesting a broader query', () => {
  it('offers a word of the query that finds something on its own', () => {
    expect(suggestBroaderQuery(bundledIndex(), 'omaishoitaja xqzvwk')).toBe('omaishoitaja');
  });

  it('falls back to a broad need word that has results', () => {
    const suggestion = suggestBroaderQuery(bundledIndex(), 'xqzvwk');
    expect(searchServices(bundledIndex(), suggestion).length).toBeGreaterThan(0);
  });
});

describe('typo tolerance has limits', () => {
  it.each(['plorbt', 'plor', 'orbt', 'qwerty asdf'])('finds nothing for the nonsense "%s"', (query) => {
    expect(searchServices(bundledIndex(), query)).toEqual([]);
  });
});
