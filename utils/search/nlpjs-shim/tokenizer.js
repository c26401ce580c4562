// BaseStemmer's fallback tokenizer, used only by tokenizeAndStem, which the search never calls.
export default class Tokenizer {
  tokenize() {
    throw new Error('tokenizeAndStem is not available: the search stems single words');
  }
}
