/**
 * Issue 20 item 4: the maintainers' vocabulary travels in the signed feed. The catalogue's
 * optional `vocabulary` section is validated with the catalogue; the feed packer merges its
 * concept terms and service keywords over the bundled vocabulary, so the words a nurse reported
 * find the service after the next sync, and a feed without the section packs as before.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '@/utils/catalogue/load';
import type { Catalogue, FeedVocabulary } from '@/utils/catalogue/schema';
import { memoryRecords } from '@/utils/search/compact/records';
import { searchServices } from '@/utils/search/search';
import { openSearchIndex } from '@/utils/search/search-index';
import { tagServices } from '@/utils/search/vocabulary';
import { bundledCompiledVocabulary, packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { mergeFeedTerms, mergeServiceKeywords } from '@/utils/vocabulary/merge-feed-additions';
import { bundledCatalogue, bundledIndex } from './helpers';

const SOURCE = 'Vantaan ja Keravan hyvinvointialue';
/** Words no service of the bundled catalogue answers (checked below, before any addition). */
const SNOW = 'lumenluonti';
const LEAVES = 'haravointi';

function indexOf(catalogue: Catalogue) {
  const { index, shards } = packWithBundledSynonyms(catalogue);
  const organisations = new Map(shards.flatMap((shard) => shard.organisations).map((organisation) => [organisation.id, organisation]));
  return openSearchIndex(index, memoryRecords(shards.flatMap((shard) => shard.services), organisations));
}

const withVocabulary = (vocabulary: FeedVocabulary): Catalogue => ({ ...bundledCatalogue(), vocabulary });
const ids = (catalogue: Catalogue, query: string) => searchServices(indexOf(catalogue), query, { limit: 10 }).map((result) => result.service.id);

describe('the feed vocabulary section (schema)', () => {
  it('is optional: the bundled catalogue has none and is valid', () => {
    expect(parseCatalogue(bundledCatalogue()).success).toBe(true);
    expect(bundledCatalogue().vocabulary).toBeUndefined();
  });

  it('accepts concept terms and service keywords with their source', () => {
    const service = bundledCatalogue().services[0]!.id;
    const parsed = parseCatalogue(withVocabulary({ terms: [{ concept: 'everyday-help', language: 'fi', text: SNOW, source: SOURCE }], serviceKeywords: [{ service, keyword: LEAVES, source: SOURCE }] }));
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['a term without a concept', { terms: [{ language: 'fi', text: SNOW, source: SOURCE }], serviceKeywords: [] }, 'vocabulary.terms.0.concept'],
    ['a language outside fi/sv/en', { terms: [{ concept: 'debt', language: 'de', text: 'Schulden', source: SOURCE }], serviceKeywords: [] }, 'vocabulary.terms.0.language'],
    ['a bidi override in a term', { terms: [{ concept: 'debt', language: 'fi', text: 'vel\u202eat', source: SOURCE }], serviceKeywords: [] }, 'vocabulary.terms.0.text'],
    ['a keyword for a service the catalogue does not have', { terms: [], serviceKeywords: [{ service: 'ei-ole', keyword: LEAVES, source: SOURCE }] }, 'vocabulary.serviceKeywords.0.service'],
    ['an unknown field', { terms: [], serviceKeywords: [], remove: ['debt'] }, 'vocabulary'],
  ])('refuses %s', (_name, vocabulary, path) => {
    const parsed = parseCatalogue({ ...bundledCatalogue(), vocabulary });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.issues.map((issue) => issue.path.join('.'))).toContain(path);
    expect(parsed.issues.every((issue) => issue.path[0] === 'vocabulary')).toBe(true);
  });
});

describe('merging feed additions over the bundled vocabulary', () => {
  const bundled = bundledCompiledVocabulary()!;

  it('without additions the bundled vocabulary is used as it is (same object)', () => {
    expect(mergeFeedTerms(bundled, undefined)).toBe(bundled);
    expect(mergeFeedTerms(bundled, { terms: [], serviceKeywords: [] })).toBe(bundled);
    expect(mergeServiceKeywords(bundledCatalogue()).services).toEqual(bundledCatalogue().services);
  });

  it('adds a term to its concept only, once, and keeps every bundled term and concept', () => {
    const merged = mergeFeedTerms(bundled, {
      terms: [
        { concept: 'everyday-help', language: 'fi', text: SNOW, source: SOURCE },
        { concept: 'everyday-help', language: 'fi', text: 'Lumenluonti', source: SOURCE },
        { concept: 'no-such-concept-yet', language: 'en', text: 'snow shovelling', source: SOURCE },
      ],
      serviceKeywords: [],
    });
    const before = bundled.concepts.find((concept) => concept.id === 'everyday-help')!;
    const after = merged.concepts.find((concept) => concept.id === 'everyday-help')!;
    expect(after.terms).toEqual([...before.terms, SNOW]);
    expect(merged.concepts.map((concept) => concept.id)).toEqual(bundled.concepts.map((concept) => concept.id));
    expect(merged.concepts.filter((concept) => concept.id !== 'everyday-help')).toEqual(bundled.concepts.filter((concept) => concept.id !== 'everyday-help'));
    // The bundled vocabulary itself is untouched (it is the default for the next feed).
    expect(bundled.concepts.find((concept) => concept.id === 'everyday-help')!.terms).not.toContain(SNOW);
  });

  it('adds a keyword to its service, once, ignoring case', () => {
    const service = bundledCatalogue().services[0]!;
    const merged = mergeServiceKeywords(
      withVocabulary({ terms: [], serviceKeywords: [{ service: service.id, keyword: LEAVES, source: SOURCE }, { service: service.id, keyword: 'HARAVOINTI', source: SOURCE }] }),
    );
    expect(merged.services[0]!.keywords).toEqual([...service.keywords, LEAVES]);
    expect(merged.services.slice(1)).toEqual(bundledCatalogue().services.slice(1));
  });
});

describe('a packed feed with additions finds what the nurse reported', () => {
  it('the reported words find nothing with the bundled vocabulary', () => {
    expect(searchServices(bundledIndex(), SNOW, { limit: 10 })).toEqual([]);
    expect(searchServices(bundledIndex(), LEAVES, { limit: 10 })).toEqual([]);
  });

  it('a term added to a need concept finds the services tagged with that concept', () => {
    const tagged = new Set(Object.entries(tagServices(bundledCatalogue(), bundledCompiledVocabulary()!)).flatMap(([id, concepts]) => (concepts.includes('everyday-help') ? [id] : [])));
    expect(tagged.size).toBeGreaterThan(0);
    const found = ids(withVocabulary({ terms: [{ concept: 'everyday-help', language: 'fi', text: SNOW, source: SOURCE }], serviceKeywords: [] }), SNOW);
    expect(found.length).toBeGreaterThan(0);
    expect(tagged.has(found[0]!)).toBe(true);
  });

  it('a keyword added to a service finds that service first, as a direct match', () => {
    const service = bundledCatalogue().services.find((candidate) => candidate.id.includes('ruoka-apu')) ?? bundledCatalogue().services[0]!;
    const index = indexOf(withVocabulary({ terms: [], serviceKeywords: [{ service: service.id, keyword: LEAVES, source: SOURCE }] }));
    const [first] = searchServices(index, LEAVES, { limit: 10 });
    expect(first?.service.id).toBe(service.id);
    expect(first?.weak).toBe(false);
  });

  it('a feed without the section packs byte for byte as before', () => {
    const plain = bundledCatalogue();
    expect(JSON.stringify(packWithBundledSynonyms(plain))).toBe(JSON.stringify(packWithBundledSynonyms({ ...plain, vocabulary: { terms: [], serviceKeywords: [] } })));
  });
});
