/**
 * Optimal-string-alignment distance (Levenshtein plus swapped neighbours, "velkaneuovnta"),
 * bounded: returns `limit + 1` as soon as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many typos a word of this length may carry and still be recognised. */
function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Whether `word` is `term` with a few typos, or the beginning of `term` with a few typos
 * (a long compound term such as "lähisuhdeväkivalta" typed with a slip in its first part).
 */
export function isCloseTo(word: string, term: string): boolean {
  const limit = typoAllowance(word.length);
  if (limit === 0) return false;
  if (editDistance(word, term, limit) <= limit) return true;
  for (let length = Math.max(1, word.length - limit); length <= Math.min(term.length - 1, word.length + limit); length++) {
    if (editDistance(word, term.slice(0, length), limit) <= limit) return true;
  }
  return false;
}
