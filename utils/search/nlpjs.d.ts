// @nlpjs/lang-fi ships no types; this is the one class we use.
declare module '@nlpjs/lang-fi/src/stemmer-fi.js' {
  export default class StemmerFi {
    stem(word: string): string;
  }
}
