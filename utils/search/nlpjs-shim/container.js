// BaseStemmer's default container: asked only for a tokenizer by tokenizeAndStem, which the
// search never calls (it stems single words; utils/search/stem.ts).
export const defaultContainer = { get: () => undefined };
