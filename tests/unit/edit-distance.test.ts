import { describe, expect, it } from 'vitest';
import { editDistance, isCloseTo } from '@/utils/search/edit-distance';

describe('edit distance', () => {
  it.each([
    ['kissa', 'kissa', 0],
    ['omaishoitja', 'omaishoitaja', 1],
    ['velkaneuovnta', 'velkaneuvonta', 1],
    ['kriisipuhlein', 'kriisipuhelin', 1],
    ['abc', 'xyz', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance);
  });

  it('stops early past the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });

  it('recognises a slip in a word or in the beginning of a longer term, not a fragment', () => {
    expect(isCloseTo('mielenteveys', 'mielenterveys')).toBe(true);
    expect(isCloseTo('lahisuhdevakivlata', 'lahisuhdevakivaltatyo')).toBe(true);
    expect(isCloseTo('plorbt', 'support')).toBe(false);
    expect(isCloseTo('abc', 'abd')).toBe(false);
  });
});
