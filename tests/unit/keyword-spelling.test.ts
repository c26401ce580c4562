import { describe, expect, it } from 'vitest';
import { keywordWords, loadWordLists } from './word-lists';
import { bundledCatalogue, readJson } from './helpers';

/**
 * No misspelled keywords: a misspelled need word ("kriistelefon") is found by nobody. Every
 * word of every keyword must be in a Finnish, Swedish or English word list (compounds made of
 * listed words count), or in data/keyword-names.json (names, abbreviations).
 */
const allowed = readJson('data/keyword-names.json') as { names: string[]; wordsTheListsLack: string[] };
const allowList = new Set([...allowed.names, ...allowed.wordsTheListsLack].map((word) => word.toLocaleLowerCase('fi')));

describe('catalogue keywords', { timeout: 120_000 }, () => {
  const lists = loadWordLists();

  it('the check knows real words and compounds, and catches misspellings', () => {
    for (const word of ['omaishoitaja', 'lähisuhdeväkivalta', 'missbruksproblem', 'skuldrådgivning', 'homeless', 'ryyppääminen']) {
      expect(lists.knows(word), word).toBe(true);
    }
    for (const word of ['kriistelefon', 'omaishoitja', 'velkaneuovnta', 'klubhus', 'hemlss']) expect(lists.knows(word), word).toBe(false);
  });

  it('are all spelled as some word list (or the names list) has them', () => {
    const unknown = new Set<string>();
    const catalogue = bundledCatalogue();
    const keywords = [...catalogue.organisations.flatMap((organisation) => organisation.keywords), ...catalogue.services.flatMap((service) => service.keywords)];
    for (const keyword of keywords) {
      for (const word of keywordWords(keyword)) if (!allowList.has(word.toLocaleLowerCase('fi')) && !lists.knows(word)) unknown.add(word);
    }
    expect([...unknown]).toEqual([]);
  });

  it('the names list holds no word a list already knows (it stays an exception list)', () => {
    expect([...allowList].filter((word) => lists.knows(word))).toEqual([]);
  });
});
