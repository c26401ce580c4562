import { describe, expect, it } from 'vitest';
import { forgetWordMatches, rankServices } from '@/utils/search/search';
import { keystrokes } from '../bench/measure';
import { bundledIndex, readJson } from './helpers';

/**
 * The words remembered while she types (search.ts `wordMatches`) change no answer: every
 * keystroke of every query set, typed in order with the cache warm (other queries' words in it
 * too), answers exactly as the same keystroke with nothing remembered.
 */
const SETS = ['shared-queries', 'regression-queries', 'situation-queries'];
const queries = SETS.flatMap((set) => (readJson(`tests/unit/fixtures/${set}.json`) as { queries: Array<{ query: string }> }).queries.map(({ query }) => query));

describe('remembered word matches', () => {
  it('typed keystrokes answer as cold ones, with and without filters', () => {
    const index = bundledIndex();
    let compared = 0;
    for (const [at, query] of queries.entries()) {
      const filters = at % 3 === 0 ? { city: 'kerava' as const } : {};
      for (const typed of keystrokes(query)) {
        const warm = rankServices(index, typed, { filters, limit: 30 });
        forgetWordMatches(index);
        const cold = rankServices(index, typed, { filters, limit: 30 });
        // Warm again for the next keystroke: the words of this one, as the popup would have them.
        rankServices(index, typed, { filters, limit: 30 });
        expect(warm, typed).toEqual(cold);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
