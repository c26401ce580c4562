import { describe, expect, it } from 'vitest';
import { catalogueSchema, type Catalogue, type Service } from '@/utils/catalogue/schema';
import { createChunkedPacker, type ChunkedPacker } from '@/utils/search/compact/chunked-pack';
import { fromBinaryIndex, toBinaryIndex } from '@/utils/search/compact/binary-index';
import type { PackedCatalogue } from '@/utils/search/compact/format';
import { packCatalogue } from '@/utils/search/compact/pack';
import type { CompiledLexicon } from '@/utils/search/lexicon';
import { stemTerms } from '@/utils/search/stem';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { synonymFileSchema, type SynonymFile } from '@/utils/search/synonyms';
import { withBundledVocabulary } from '@/utils/search/bundled-vocabulary';
import { createBundledChunkedPacker, packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { mergeFeedTerms, mergeServiceKeywords } from '@/utils/vocabulary/merge-feed-additions';
import { generateCatalogue, generateCatalogueInChunks } from '../bench/generate-catalogue';
import { bundledCatalogue, readJson } from './helpers';
import { referencePackCatalogue } from './reference/reference-pack';

/**
 * Issue 22: the feed sync packs 100,000 services a part at a time. However the services are
 * chunked, the chunked packer must give byte for byte (JSON.stringify) what the whole-catalogue
 * packer gave before it streamed: tests/unit/reference/ holds that packer verbatim as the oracle,
 * so a change of output in the shipping packer fails here. Catalogues: the bundled one with the
 * bundled vocabulary and lexicon (as the build packs it), generated ones at a few sizes, and a
 * generated one roughened (services and organisations without sources, overrides that add and
 * remove concepts, info sessions), with chunks of 1, 7, 32, 1000 services and whole.
 */
const CHUNKS = [1, 7, 32, 1000, Infinity];
const bundledSynonyms = withBundledVocabulary(synonymFileSchema.parse(readJson('data/synonyms.json')));
const lexicon = bundledLexicon();

function packInChunks(packer: ChunkedPacker, services: readonly Service[], chunk: number): PackedCatalogue {
  const shards = [];
  const size = Math.min(chunk, Math.max(1, services.length));
  for (let start = 0; start < services.length; start += size) shards.push(...packer.add(services.slice(start, start + size)));
  const last = packer.finish();
  return { index: last.index, shards: [...shards, ...last.shards] };
}

/** The first place two JSON texts part, with a little context, or null when they are equal. */
function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  return `at ${at}: …${actual.slice(Math.max(0, at - 80), at + 80)}… expected …${expected.slice(Math.max(0, at - 80), at + 80)}…`;
}

function expectSamePacking(actual: PackedCatalogue, expected: PackedCatalogue) {
  expect(firstDifference(JSON.stringify(actual.index), JSON.stringify(expected.index))).toBeNull();
  expect(firstDifference(JSON.stringify(actual.shards), JSON.stringify(expected.shards))).toBeNull();
}

/** A generated catalogue with what the plain generator lacks: services left out, overrides, sessions. */
function roughened(catalogue: Catalogue, vocabulary: NonNullable<SynonymFile['vocabulary']>): { catalogue: Catalogue; synonyms: SynonymFile } {
  const conceptIds = vocabulary.concepts.map((concept) => concept.id);
  const organisations = catalogue.organisations.map((organisation, at) => (at % 17 === 5 ? { ...organisation, sources: [] } : organisation));
  const services = catalogue.services.map((service, at) => (at % 13 === 3 ? { ...service, sources: [] } : service));
  const add: Record<string, string[]> = {};
  const remove: Record<string, string[]> = {};
  services.forEach((service, at) => {
    if (at % 11 === 1) add[service.id] = [conceptIds[at % conceptIds.length]!, 'not-a-concept'];
    // Removing every concept from some services takes their organisation's unclaimed needs away too.
    if (at % 9 === 2) remove[service.id] = at % 2 === 0 ? conceptIds : [conceptIds[(at * 7) % conceptIds.length]!];
  });
  const organisationIds = organisations.slice(0, 3).map((organisation) => organisation.id);
  return {
    catalogue: {
      ...catalogue,
      organisations,
      services,
      infoSessions: (bundledCatalogue().infoSessions ?? []).slice(0, 2).map((session) => ({ ...session, organisationIds })),
      sites: bundledCatalogue().sites,
    },
    synonyms: { ...bundledSynonyms, vocabulary: { ...vocabulary, add, remove } },
  };
}

const categories = bundledCatalogue().categories;
const cases: Array<{ name: string; catalogue: Catalogue; synonyms: SynonymFile; lexicon?: CompiledLexicon; shardSize?: number }> = [
  { name: 'the bundled catalogue', catalogue: bundledCatalogue(), synonyms: bundledSynonyms, lexicon },
  { name: 'the bundled catalogue, shards of 16, no lexicon', catalogue: bundledCatalogue(), synonyms: bundledSynonyms, shardSize: 16 },
  { name: '60 generated services', catalogue: generateCatalogue(60, 7, categories), synonyms: bundledSynonyms, lexicon },
  { name: '700 generated services', catalogue: generateCatalogue(700, 42, categories), synonyms: bundledSynonyms, lexicon },
  { name: '1500 generated services', catalogue: generateCatalogue(1500, 3, categories), synonyms: bundledSynonyms, lexicon },
  { name: '900 roughened services', ...roughened(generateCatalogue(900, 11, categories), bundledSynonyms.vocabulary!), lexicon },
  { name: 'no services', catalogue: { ...bundledCatalogue(), services: [] }, synonyms: bundledSynonyms, lexicon },
];

describe('the chunked packer packs as the whole-catalogue packer did', () => {
  it.each(cases)('$name, whatever the chunks', ({ catalogue, synonyms, lexicon: withLexicon, shardSize }) => {
    const expected = referencePackCatalogue(catalogue, synonyms, shardSize, withLexicon);
    const { services, ...base } = catalogue;
    for (const chunk of CHUNKS) {
      const packed = packInChunks(createChunkedPacker(base, synonyms, withLexicon, shardSize), services, chunk);
      expectSamePacking(packed, expected);
    }
    expectSamePacking(packCatalogue(catalogue, synonyms, shardSize, withLexicon), expected);
  }, 90_000);

  // Issue 22: the finish sorts the postings a range of terms at a time (posting-log.ts) so that the
  // log is not held twice; ranges of a few postings (one term each, a term larger than the range
  // alone) must give the same bytes as one range.
  it.each([1, 50, 4000])('the same bytes when the postings are encoded in ranges of %i', (rangeEntries) => {
    for (const { catalogue, synonyms, lexicon: withLexicon, shardSize } of [cases[4]!, cases[5]!]) {
      const expected = referencePackCatalogue(catalogue, synonyms, shardSize, withLexicon);
      const { services, ...base } = catalogue;
      expectSamePacking(packInChunks(createChunkedPacker(base, synonyms, withLexicon, shardSize, rangeEntries), services, 100), expected);
    }
  }, 90_000);

  it('finishBinary gives the index the synced feed stores: the same arrays, without base64', () => {
    const { services, ...base } = cases[5]!.catalogue;
    const binaryPacker = createChunkedPacker(base, cases[5]!.synonyms, lexicon, undefined, 3000);
    binaryPacker.add(services);
    const binary = binaryPacker.finishBinary();
    const packer = createChunkedPacker(base, cases[5]!.synonyms, lexicon);
    packer.add(services);
    const packed = packer.finish();
    expect(binary.index.postings).toBeInstanceOf(Uint8Array);
    expect(binary.index.crisisMasks).toBeInstanceOf(Uint32Array);
    expect(binary.index).toEqual(toBinaryIndex(packed.index));
    expect(JSON.stringify(fromBinaryIndex(binary.index))).toBe(JSON.stringify(packed.index));
    expect(binary.shards).toEqual(packed.shards);
  });

  it('hands each shard on as soon as it is complete', () => {
    const catalogue = generateCatalogue(100, 5, categories);
    const { services, ...base } = catalogue;
    const packer = createChunkedPacker(base, bundledSynonyms, lexicon, 32);
    expect(packer.add(services.slice(0, 31))).toEqual([]);
    const [first, ...rest] = packer.add(services.slice(31, 40));
    expect(rest).toEqual([]);
    expect(first?.services.map((service) => service.id)).toEqual(services.slice(0, 32).map((service) => service.id));
    expect(packer.add(services.slice(40)).length).toBe(2);
    expect(packer.finish().shards.map((shard) => shard.services.length)).toEqual([4]);
    // Its log is consumed: neither more services nor a second finish.
    expect(() => packer.add(services.slice(0, 1))).toThrow(/finished/);
    expect(() => packer.finish()).toThrow(/finished/);
  });

  it('the streamed generator (tests/measure/chunked-pack.ts) gives the generated catalogue', () => {
    const { base, services } = generateCatalogueInChunks(300, 4, categories, 7);
    const chunks = [...services()];
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === 7)).toBe(true);
    const { services: whole, ...wholeBase } = generateCatalogue(300, 4, categories);
    expect(JSON.stringify(base) === JSON.stringify(wholeBase)).toBe(true);
    expect(JSON.stringify(chunks.flat()) === JSON.stringify(whole)).toBe(true);
  });

  it('the oracle is not the shipping packer: a one-service change shows', () => {
    const catalogue = generateCatalogue(60, 7, categories);
    const changed = { ...catalogue, services: catalogue.services.map((service, at) => (at === 30 ? { ...service, name: `${service.name} velkaneuvonta` } : service)) };
    expect(JSON.stringify(packCatalogue(changed, bundledSynonyms, undefined, lexicon).index)).not.toBe(
      JSON.stringify(referencePackCatalogue(catalogue, bundledSynonyms, undefined, lexicon).index),
    );
  });
});

describe('the bundled chunked packer packs a feed as packWithBundledSynonyms', () => {
  const plain = catalogueSchema.parse(generateCatalogue(400, 9, categories));
  const target = plain.services[17]!;
  const withSection: Catalogue = {
    ...plain,
    vocabulary: {
      terms: [{ concept: 'everyday-help', language: 'fi', text: 'lumenluonti', source: 'Vantaan ja Keravan hyvinvointialue' }],
      serviceKeywords: [
        { service: target.id, keyword: 'haravointi', source: 'Vantaan ja Keravan hyvinvointialue' },
        { service: plain.services[200]!.id, keyword: plain.services[200]!.keywords[0] ?? 'x', source: 'Vantaan ja Keravan hyvinvointialue' },
      ],
    },
  };

  it.each([
    ['without a vocabulary section', plain],
    ['with concept terms and service keywords', withSection],
  ])('%s', (_name, catalogue) => {
    const whole = packWithBundledSynonyms(catalogue);
    // The oracle too: the same merging in front of the old packer.
    const merged = bundledSynonyms.vocabulary ? mergeFeedTerms(bundledSynonyms.vocabulary, catalogue.vocabulary) : undefined;
    expectSamePacking(whole, referencePackCatalogue(mergeServiceKeywords(catalogue), { ...bundledSynonyms, vocabulary: merged }, undefined, lexicon));
    const { services, ...base } = catalogue;
    for (const chunk of CHUNKS) expectSamePacking(packInChunks(createBundledChunkedPacker(base), services, chunk), whole);
  }, 90_000);

  it('the feed keyword reaches the streamed service', () => {
    const { services, ...base } = withSection;
    const packed = packInChunks(createBundledChunkedPacker(base), services, 7);
    for (const stem of stemTerms('haravointi')) expect(packed.index.terms.split('\n')).toContain(stem);
    expect(packed.shards.flatMap((shard) => shard.services).find((service) => service.id === target.id)?.keywords).toContain('haravointi');
  });
});
