import { foldDiacritics, isStopword, normaliseText, tokenise } from '../search/normalise';
import { stemTerms } from '../search/stem';
import type { CompiledVocabulary } from './schema';

/** A missing-service report names at most this many concepts. */
const GUESS_LIMIT = 5;

/**
 * Which need concepts the words of a search express, by the vocabulary's terms: a one-word term
 * by its stems (as services are tagged), a phrase by its folded words in the query. Served or
 * not: a need no service is tagged with is exactly what maintainers want to see. Best first (the
 * most matching terms), at most `GUESS_LIMIT`. Pure; the background calls it when a nurse reports
 * a missing service, so the popup need not carry the vocabulary.
 */
export function guessConcepts(words: string, vocabulary: CompiledVocabulary): string[] {
  const tokens = tokenise(words).filter((token) => !isStopword(token));
  if (tokens.length === 0) return [];
  const stems = new Set(tokens.flatMap((token) => stemTerms(token)).filter((stem) => stem.length >= 3));
  const phraseText = ` ${foldDiacritics(normaliseText(tokens.join(' ')))} `;
  const scored: Array<{ id: string; hits: number; order: number }> = [];
  vocabulary.concepts.forEach((concept, order) => {
    let hits = 0;
    for (const term of [...concept.terms, ...(concept.everyday ?? [])]) {
      const termTokens = tokenise(term);
      if (termTokens.length === 0) continue;
      const single = termTokens.length === 1 || !/\s/.test(term.trim());
      const hit = single
        ? stemTerms(termTokens[termTokens.length - 1]!).some((stem) => stems.has(stem))
        : phraseText.includes(` ${foldDiacritics(normaliseText(termTokens.join(' ')))} `);
      if (hit) hits += single ? 1 : 2;
    }
    if (hits > 0) scored.push({ id: concept.id, hits, order });
  });
  return scored
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .slice(0, GUESS_LIMIT)
    .map(({ id }) => id);
}
