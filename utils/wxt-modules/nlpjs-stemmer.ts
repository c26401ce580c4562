import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/**
 * The Finnish and Swedish stemmers without the rest of @nlpjs/core. `@nlpjs/lang-fi`'s Snowball stemmer
 * (utils/search/stem.ts) takes `Among` and `BaseStemmer` from `@nlpjs/core`, whose index (plain
 * CommonJS, so never tree-shaken) also brings its container, compiler, logger, tokenizer and
 * more: about 8 kB of gzipped JavaScript in the popup that stemming never runs. In the
 * extension's build these imports resolve to utils/search/nlpjs-shim/: `Among` and
 * `BaseStemmer` are the library's own files; the container and the tokenizer `BaseStemmer`
 * asks for (only its `tokenizeAndStem` uses them, which the search never calls) are stubs.
 * tests/unit/stem-shim.test.ts builds the stemmer with this plugin and compares its stems
 * with the library's.
 */
const FROM_STEMMER = /[\\/]@nlpjs[\\/]lang-(?:fi|sv)[\\/]src[\\/]stemmer-(?:fi|sv)\.js$/;
const FROM_BASE_STEMMER = /[\\/]@nlpjs[\\/]core[\\/]src[\\/]base-stemmer\.js$/;

export function stemmerOnlyPlugin(root: string): Plugin {
  const shim = (file: string) => resolve(root, 'utils/search/nlpjs-shim', file);
  return {
    name: 'jarjestoopas:nlpjs-stemmer-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      if (source === '@nlpjs/core' && FROM_STEMMER.test(importer)) return shim('core.js');
      if (FROM_BASE_STEMMER.test(importer) && source === './container') return shim('container.js');
      if (FROM_BASE_STEMMER.test(importer) && source === './tokenizer') return shim('tokenizer.js');
      return null;
    },
  };
}

export default defineWxtModule({
  name: 'nlpjs-stemmer',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [stemmerOnlyPlugin(wxt.config.root)] }));
  },
});
