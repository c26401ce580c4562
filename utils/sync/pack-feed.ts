import bundledSynonyms from '../../data/synonyms.json' with { type: 'json' };
import type { Catalogue } from '../catalogue/schema';
import { packCatalogue } from '../search/compact/pack';
import { createChunkedPacker, type ChunkedPacker } from '../search/compact/chunked-pack';
import type { CompiledLexicon } from '../search/lexicon';
import { bundledLexicon } from '../search/lexicon-files';
import { synonymFileSchema, type SynonymFile } from '../search/synonyms';
import { withBundledVocabulary } from '../search/bundled-vocabulary';
import { mergeFeedTerms, mergeServiceKeywords, serviceKeywordsMerger } from '../vocabulary/merge-feed-additions';

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
  const { lexicon } = bundled();
  return packCatalogue(mergeServiceKeywords(catalogue), synonymsFor(catalogue), undefined, lexicon);
}

/** The bundled synonyms with the feed's concept terms merged over the bundled vocabulary. */
function synonymsFor(base: Omit<Catalogue, 'services'>): SynonymFile {
  const { synonyms } = bundled();
  const merged = synonyms.vocabulary ? mergeFeedTerms(synonyms.vocabulary, base.vocabulary) : undefined;
  return merged === synonyms.vocabulary ? synonyms : { ...synonyms, vocabulary: merged };
}

/**
 * packWithBundledSynonyms for a feed whose services come in parts (the chunked sync): everything
 * but the services up front, the services in catalogue order in chunks of any size, each merged
 * with the feed's service keywords as it comes. Byte-identical output to packWithBundledSynonyms
 * of the whole catalogue, whatever the chunking.
 */
export function createBundledChunkedPacker(base: Omit<Catalogue, 'services'>): ChunkedPacker {
  const packer = createChunkedPacker(base, synonymsFor(base), bundled().lexicon);
  const merge = serviceKeywordsMerger(base.vocabulary);
  return { add: (services) => packer.add(services.map(merge)), finish: () => packer.finish(), finishBinary: () => packer.finishBinary() };
}

/** The compiled bundled vocabulary, for guessing a missing-service report's concepts in the background. */
export function bundledCompiledVocabulary() {
  return bundled().synonyms.vocabulary;
}
