import bundledSynonyms from '../../data/synonyms.json' with { type: 'json' };
import type { Catalogue } from '../catalogue/schema';
import { createChunkedPacker, type ChunkedPacker } from '../search/compact/chunked-pack';
import { packCatalogue } from '../search/compact/pack';
import type { CompiledLexicon } from '../search/lexicon';
import { bundledLexicon } from '../search/lexicon-files';
import { synonymFileSchema, type SynonymFile } from '../search/synonyms';
import { withBundledVocabulary } from '../search/bundled-vocabulary';
import { mergeFeedTerms, mergeServiceKeywords } from '../vocabulary/merge-feed-additions';

let bundledLanguage: { synonyms: SynonymFile; lexicon: CompiledLexicon } | undefined;

/** The bundled synonyms and lexicon, compiled once per background. */
function bundled() {
  bundledLanguage ??= { synonyms: withBundledVocabulary(synonymFileSchema.parse(bundledSynonyms)), lexicon: bundledLexicon() };
  return bundledLanguage;
}

/**
 * Packs an accepted feed catalogue with the bundled synonyms and lexicon (crisis needs, generic
 * and place words, derivations; issue 11), exactly as the build packs the bundled catalogue
 * (utils/wxt-modules/packed-catalogue.ts), so that a synced feed searches as the bundled one
 * does. The feed's `vocabulary` section (the maintainers' concept terms and service keywords,
 * issue 20) is merged over the bundled vocabulary first; a feed without it packs exactly as
 * before. Pure: the background sync, the legacy-feed migration, the tests and
 * `npm run measure:sync` all pack with it.
 */
export function packWithBundledSynonyms(catalogue: Catalogue) {
  const { synonyms, lexicon } = bundled();
  const merged = synonyms.vocabulary ? mergeFeedTerms(synonyms.vocabulary, catalogue.vocabulary) : undefined;
  const withTerms = merged === synonyms.vocabulary ? synonyms : { ...synonyms, vocabulary: merged };
  return packCatalogue(mergeServiceKeywords(catalogue), withTerms, undefined, lexicon);
}

/**
 * STAND-IN (branch parts-sync) for chunk-pack's `createBundledChunkedPacker`: the same merging as
 * `packWithBundledSynonyms` (feed vocabulary terms over the bundled vocabulary, maintainers'
 * service keywords into each service), over the chunked packer. Replaced at merge.
 */
export function createBundledChunkedPacker(base: Omit<Catalogue, 'services'>): ChunkedPacker {
  const { synonyms, lexicon } = bundled();
  const merged = synonyms.vocabulary ? mergeFeedTerms(synonyms.vocabulary, base.vocabulary) : undefined;
  const withTerms = merged === synonyms.vocabulary ? synonyms : { ...synonyms, vocabulary: merged };
  const packer = createChunkedPacker(base, withTerms, lexicon);
  const withKeywords = (services: Catalogue['services']) => mergeServiceKeywords({ ...base, services } as Catalogue).services;
  return { add: (services) => packer.add(withKeywords(services)), finish: () => packer.finish() };
}

/** The compiled bundled vocabulary, for guessing a missing-service report's concepts in the background. */
export function bundledCompiledVocabulary() {
  return bundled().synonyms.vocabulary;
}
