import bundledSynonyms from '../../data/synonyms.json' with { type: 'json' };
import type { Catalogue } from '../catalogue/schema';
import { packCatalogue } from '../search/compact/pack';
import type { CompiledLexicon } from '../search/lexicon';
import { bundledLexicon } from '../search/lexicon-files';
import { synonymFileSchema, type SynonymFile } from '../search/synonyms';
import { withBundledVocabulary } from '../search/bundled-vocabulary';

let bundledLanguage: { synonyms: SynonymFile; lexicon: CompiledLexicon } | undefined;

/**
 * Packs an accepted feed catalogue with the bundled synonyms and lexicon (crisis needs, generic
 * and place words, derivations; issue 11), exactly as the build packs the bundled catalogue
 * (utils/wxt-modules/packed-catalogue.ts), so that a synced feed searches as the bundled one
 * does. Pure: the background sync, the legacy-feed migration, the tests and
 * `npm run measure:sync` all pack with it.
 */
export function packWithBundledSynonyms(catalogue: Catalogue) {
  bundledLanguage ??= { synonyms: withBundledVocabulary(synonymFileSchema.parse(bundledSynonyms)), lexicon: bundledLexicon() };
  return packCatalogue(catalogue, bundledLanguage.synonyms, undefined, bundledLanguage.lexicon);
}
