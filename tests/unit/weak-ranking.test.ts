/**
 * How "no direct match" results are ordered when the query's words call up a need (issue 20,
 * indirect everyday wording), and how a concept's services are ordered among themselves. A small
 * hand-made catalogue, so each test shows one cause: an incidental word of an unrelated service,
 * a word the catalogue does not know at all, one need said in many words against two needs, a
 * service named for a need against one that mentions it.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, Organisation, Service } from '@/utils/catalogue/schema';
import { buildSearchIndex } from '@/utils/search/build-index';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { rankServices } from '@/utils/search/search';
import type { SynonymFile } from '@/utils/search/synonyms';
import type { CompiledVocabulary } from '@/utils/vocabulary/schema';
import { bundledCatalogue } from './helpers';

interface ServiceText {
  id: string;
  name: string;
  description: string;
  keywords?: string[];
}

/** One organisation per service, built on the bundled catalogue's first records (valid, searchable). */
function catalogueOf(texts: ServiceText[]): Catalogue {
  const base = bundledCatalogue();
  const organisationTemplate = base.organisations[0]!;
  const { crisisHelp: _crisisHelp, ...serviceTemplate } = base.services.find((service) => service.organisationId === organisationTemplate.id)!;
  const organisations: Organisation[] = texts.map(({ id }) => ({ ...organisationTemplate, id: `org-${id}`, name: `Yhdistys ${id}`, names: {}, keywords: [] }));
  const services: Service[] = texts.map(({ id, name, description, keywords = [] }) => ({
    ...serviceTemplate,
    id,
    organisationId: `org-${id}`,
    name,
    names: {},
    description,
    descriptions: {},
    keywords,
    targetGroups: [],
    categories: [],
  }));
  return { ...base, organisations: organisations.map(({ shortName: _shortName, ...organisation }) => organisation), services };
}

function vocabularyOf(concepts: Array<{ id: string; terms: string[]; everyday?: string[] }>): CompiledVocabulary {
  return { concepts: concepts.map(({ id, terms, everyday }) => ({ id, preferred: [terms[0]!], terms, ...(everyday ? { everyday } : {}) })), add: {}, remove: {} };
}

function ranked(texts: ServiceText[], vocabulary: CompiledVocabulary, query: string) {
  const synonyms: SynonymFile = { about: 'test', groups: [], vocabulary };
  const index = buildSearchIndex(catalogueOf(texts), synonyms, bundledLexicon());
  return rankServices(index, query, { limit: 10 }).map((hit) => ({ id: index.records.get(hit.position)!.service.id, weak: hit.weak }));
}

describe('ranking among "no direct match" results of a query with a recognised need', () => {
  const gambling = vocabularyOf([{ id: 'gambling', terms: ['rahapeliongelma', 'rahapelaaminen'], everyday: ['nettikasino'] }]);

  it('puts the service meeting the need before one sharing only incidental words ("koko", "palkan")', () => {
    const texts = [
      { id: 'loma', name: 'Tuettu loma', description: 'Loma pienen palkan saajille ja koko perheelle.' },
      { id: 'peli', name: 'Vertaistuki', description: 'Keskusteluapua rahapeliongelmiin.' },
    ];
    // "tuhlaa" is a verb no service text or concept has: every result is weak.
    const results = ranked(texts, gambling, 'tuhlaa koko palkan nettikasinolle');
    expect(results.every((result) => result.weak)).toBe(true);
    expect(results[0]?.id).toBe('peli');
  });

  it('does not let a word the catalogue does not know decide the order through a shared beginning', () => {
    // "rikki" has no direct match here, only the bare beginning of "rikosuhrien" in a name
    // (a rare term, so a high idf); the need is met by six services (a low idf).
    const texts = [
      { id: 'rikos', name: 'Rikosuhrien neuvonta', description: 'Neuvontaa rikosuhreille.' },
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ id: `peli-${n}`, name: `Vertaistuki ${n}`, description: 'Keskusteluapua rahapeliongelmiin.' })),
    ];
    const results = ranked(texts, gambling, 'nettikasino vei kaiken, olen rikki');
    expect(results.every((result) => result.weak)).toBe(true);
    expect(results[0]?.id).toMatch(/^peli-/);
  });

  it('counts a need said in many words once: the service meeting two of the needs comes first', () => {
    const vocabulary = vocabularyOf([
      { id: 'loneliness', terms: ['yksinäisyys'], everyday: ['yksin neljän seinän sisällä'] },
      { id: 'debt', terms: ['velat'] },
      { id: 'rent', terms: ['vuokrarästi'] },
    ]);
    const texts = [
      { id: 'ystava', name: 'Ystäväpiiri', description: 'Yksinäisyys helpottaa porukassa.' },
      { id: 'talous', name: 'Talousneuvonta', description: 'Apua kun velat ja vuokrarästi painavat.' },
    ];
    // "jumittaa" is unknown: every result is weak.
    const results = ranked(texts, vocabulary, 'yksin neljän seinän sisällä, velat ja vuokrarästi jumittaa');
    expect(results.every((result) => result.weak)).toBe(true);
    expect(results[0]?.id).toBe('talous');
  });

  it('keeps a query with no recognised need and no known word "no direct match"', () => {
    const texts = [{ id: 'peli', name: 'Vertaistuki', description: 'Keskusteluapua rahapeliongelmiin.' }];
    expect(ranked(texts, gambling, 'silmälasit hajosi').every((result) => result.weak)).toBe(true);
  });
});

describe('ranking among the services of one concept', () => {
  it('puts a service whose name or keywords carry the concept before one whose description mentions it', () => {
    const vocabulary = vocabularyOf([{ id: 'loneliness', terms: ['yksinäisyys', 'yksinäinen'], everyday: ['kukaan ei soita'] }]);
    const texts = [
      // First in the catalogue: ties would go to it.
      { id: 'liikunta', name: 'Liikuntaryhmät', description: 'Liikuntaa naisille, myös yksinäisyys helpottaa.' },
      { id: 'ystava', name: 'Ystävätoiminta', description: 'Vapaaehtoinen ystävä käy kylässä.', keywords: ['yksinäisyys'] },
    ];
    const results = ranked(texts, vocabulary, 'kukaan ei soita');
    expect(results.map((result) => result.id)).toEqual(['ystava', 'liikunta']);
  });
});
