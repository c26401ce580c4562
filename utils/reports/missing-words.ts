import { isStopword, tokenise } from '../search/normalise';

/**
 * The search words of a missing-service report as the workbench groups them: lower case,
 * punctuation and function words gone, each word once, in alphabetical order ("Velat, perintä!"
 * and "perintä velat" are one group). Diacritics stay: "sää" and "saa" are different needs.
 */
export function normaliseMissingWords(words: string): string {
  const tokens = tokenise(words).filter((token) => !isStopword(token));
  return [...new Set(tokens.length > 0 ? tokens : tokenise(words))].sort((a, b) => a.localeCompare(b, 'fi')).join(' ');
}
