/**
 * Splits a Finnish compound against a known vocabulary: "vertaistukiryhma" →
 * ["vertaistuki", "ryhma"]. Every part must be a known word of at least `minPart`
 * letters, except that the last part may be an inflected form whose beginning is known
 * ("...ryhmille"). Dynamic programming picks the split with the fewest parts.
 */
export function splitCompound(
  word: string,
  isKnown: (part: string) => boolean,
  minPart = 3,
): string[] | null {
  const n = word.length;
  if (n < minPart * 2) return null;
  // best[i] = the fewest-part split of word.slice(0, i)
  const best: Array<string[] | null> = new Array(n + 1).fill(null);
  best[0] = [];
  for (let end = minPart; end <= n; end++) {
    for (let start = Math.max(0, end - 24); start <= end - minPart; start++) {
      const before = best[start];
      if (!before) continue;
      const part = word.slice(start, end);
      if (!isKnown(part)) continue;
      const candidate = [...before, part];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  const whole = best[n];
  if (whole && whole.length >= 2) return whole;
  // Inflected last part: the longest split prefix followed by a tail of >= minPart letters
  // whose own prefix (minus an ending) is known.
  for (let end = n - minPart; end >= minPart; end--) {
    const before = best[end];
    if (!before || before.length === 0) continue;
    const tail = word.slice(end);
    for (let keep = tail.length - 1; keep >= minPart; keep--) {
      if (isKnown(tail.slice(0, keep))) return [...before, tail.slice(0, keep)];
    }
  }
  return null;
}
