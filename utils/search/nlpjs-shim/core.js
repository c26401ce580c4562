// What @nlpjs/lang-fi's stemmer takes from @nlpjs/core, and nothing else (utils/wxt-modules/nlpjs-stemmer.ts).
import Among from '@nlpjs/core/src/among.js';
import BaseStemmer from '@nlpjs/core/src/base-stemmer.js';

export { Among, BaseStemmer };
