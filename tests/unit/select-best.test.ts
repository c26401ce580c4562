import { describe, expect, it } from 'vitest';
import { selectBest } from '@/utils/search/select-best';

/** Ranking order: score descending, then catalogue position ascending (as search.ts's heap). */
function fullOrder(positions: number[], scores: number[]) {
  return positions.map((position, at) => ({ position, score: scores[at]! })).sort((a, b) => b.score - a.score || a.position - b.position);
}

describe('selectBest', () => {
  it('gives the best candidates in ranking order, ties by position, as a full sort does', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const [count, keep] of [[0, 5], [3, 5], [5, 5], [1000, 1], [1000, 120], [20_000, 120]] as const) {
      // Few distinct scores: thousands of ties, as a short prefix shared by many services gives.
      const positions = Array.from({ length: count }, (_, at) => at).sort(() => random() - 0.5);
      const scores = positions.map(() => Math.floor(random() * 40) / 8);
      const best = selectBest(Uint32Array.from(positions), Float64Array.from(scores), count, keep);
      const got = Array.from({ length: best.count }, (_, at) => ({ position: best.positions[at]!, score: best.scores[at]! }));
      expect(got, `${count}/${keep}`).toEqual(fullOrder(positions, scores).slice(0, keep));
    }
  });
});
