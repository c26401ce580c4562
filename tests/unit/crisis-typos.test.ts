import { describe, expect, it } from 'vitest';
import { crisisMatchOf } from '@/utils/search/crisis';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { tokenise } from '@/utils/search/normalise';

/**
 * A long word the catalogue does not know may be a crisis word with one slip of the fingers
 * (utils/search/crisis.ts, beginsWithSlip): a letter left out or added, or two swapped, with the
 * key's first and last letter in place. A wrong letter is no slip, and a seven-letter key's slip
 * must be the whole word: everyday words one letter from a crisis root stay calm.
 */
const lexicon = bundledLexicon();
const unknown = () => false;
const needsOf = (query: string, isKnownWord?: (word: string) => boolean) => {
  const { hard, soft } = crisisMatchOf(lexicon, tokenise(query), isKnownWord);
  return [...hard, ...soft].map((need) => lexicon.crisisNeeds[need]);
};

describe('crisis words with one slip', () => {
  it.each([
    ['itsmurha', 'suicide'], ['itsemurah', 'suicide'], ['itsemmurha', 'suicide'], ['självmodstankar', 'suicide'], ['självmorsförsök', 'suicide'],
    ['sucidal', 'suicide'], ['suicde', 'suicide'], ['självskadebetende', 'self-harm'],
  ])('"%s" is %s when the catalogue does not know the word', (query, need) => {
    expect(needsOf(query, unknown)).toContain(need);
  });

  it('a word the catalogue knows is never taken for a slip, and without the vocabulary no word is', () => {
    expect(needsOf('itsmurha', (word) => word === 'itsmurha')).toEqual([]);
    expect(needsOf('itsmurha')).toEqual([]);
  });

  it.each(['elämänhallinta', 'elämänhallintakurssi', 'familjevård', 'livsmedelsbank', 'stalling', 'stacking', 'emergence', 'kristall', 'violinist', 'järkyttävä'])(
    '"%s" stays calm: a wrong letter, a missing last letter or a short key in a longer word is no slip',
    (query) => {
      expect(needsOf(query, unknown)).toEqual([]);
    },
  );
});
