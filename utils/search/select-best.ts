/**
 * The best `keep` of `count` candidates in ranking order (score descending, then catalogue
 * position ascending), without putting the rest in any order. One pass over the candidates
 * with a bounded heap whose root is the worst one kept: at 100,000 services a three-word query
 * has tens of thousands of candidates, and most of them cost one comparison with that root
 * instead of a place in a heap of all of them.
 */
export function selectBest(positions: Uint32Array, scores: Float64Array, count: number, keep: number): { positions: Uint32Array; scores: Float64Array; count: number } {
  const size = Math.min(keep, count);
  const heapPositions = new Uint32Array(size);
  const heapScores = new Float64Array(size);
  // a ranks after b: lower score, or the same score further down the catalogue.
  const after = (scoreA: number, positionA: number, scoreB: number, positionB: number) => scoreA < scoreB || (scoreA === scoreB && positionA > positionB);
  const siftDown = (start: number, length: number) => {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < length && after(heapScores[left]!, heapPositions[left]!, heapScores[worst]!, heapPositions[worst]!)) worst = left;
      if (right < length && after(heapScores[right]!, heapPositions[right]!, heapScores[worst]!, heapPositions[worst]!)) worst = right;
      if (worst === at) return;
      const position = heapPositions[at]!;
      heapPositions[at] = heapPositions[worst]!;
      heapPositions[worst] = position;
      const score = heapScores[at]!;
      heapScores[at] = heapScores[worst]!;
      heapScores[worst] = score;
      at = worst;
    }
  };
  for (let i = 0; i < size; i++) {
    heapPositions[i] = positions[i]!;
    heapScores[i] = scores[i]!;
  }
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at, size);
  for (let i = size; i < count; i++) {
    const score = scores[i]!;
    const position = positions[i]!;
    if (!after(heapScores[0]!, heapPositions[0]!, score, position)) continue;
    heapScores[0] = score;
    heapPositions[0] = position;
    siftDown(0, size);
  }
  // Heap sort in place: the worst goes to the end, so the front ends up best first.
  for (let length = size - 1; length > 0; length--) {
    const position = heapPositions[0]!;
    heapPositions[0] = heapPositions[length]!;
    heapPositions[length] = position;
    const score = heapScores[0]!;
    heapScores[0] = heapScores[length]!;
    heapScores[length] = score;
    siftDown(0, length);
  }
  return { positions: heapPositions, scores: heapScores, count: size };
}
