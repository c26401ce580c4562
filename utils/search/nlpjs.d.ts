// @nlpjs/lang-fi ships no types; this is the one class we use.
declare module '@nlpjs/lang-fi/src/stemmer-fi.js' {
  export default class StemmerFi {
    stem(word: string): string;
  }
}

// @nlpjs/lang-sv ships no types either; its Snowball Swedish stemmer.
declare module '@nlpjs/lang-sv/src/stemmer-sv.js' {
  export default class StemmerSv {
    stem(word: string): string;
  }
}
