import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SearchBox } from '@/components/SearchBox';
import { FUZZY_MAX_WORD_LENGTH, QUERY_MAX_LENGTH, QUERY_MAX_WORDS } from '@/utils/search/query-cap';
import { rankServices } from '@/utils/search/search';
import { bundledIndex } from './helpers';

/** A pasted referral letter: long, many words, a URL and made-up long "words". */
const PASTE = Array.from({ length: 400 }, (_, i) => ['asiakas', 'https://www.example.fi/palvelut?id=1', 'xqzvbnmlkjhgfdsapoiuytrewqasdf', 'velkaneuvontaa'][i % 4]).join(' ').padEnd(10_000, 'z');

describe('query cap (issue 12, item 2): a pasted text costs what a short query costs', () => {
  it('typo correction runs for at most the capped words, and never for a word too long to help', () => {
    const index = bundledIndex();
    const fuzzyTerms = vi.fn(index.fuzzyTerms);
    const spied = { ...index, fuzzyTerms };
    rankServices(spied, PASTE, { limit: 30 });
    rankServices(spied, 'x'.repeat(5_000), { limit: 30 });
    rankServices(spied, `${'q'.repeat(60)} ${'w'.repeat(33)}`, { limit: 30 });
    expect(fuzzyTerms.mock.calls.length).toBeLessThanOrEqual(QUERY_MAX_WORDS);
    for (const [word] of fuzzyTerms.mock.calls) expect(word.length).toBeLessThanOrEqual(FUZZY_MAX_WORD_LENGTH);
  });

  it('only the first words of the first characters are searched', () => {
    const index = bundledIndex();
    const need = 'omaishoitaja tuki';
    const afterCap = `${need} ${'lorem '.repeat(QUERY_MAX_LENGTH)} velka`;
    expect(rankServices(index, afterCap, { limit: 10 })).toEqual(rankServices(index, `${need} ${'lorem '.repeat(QUERY_MAX_LENGTH)}`, { limit: 10 }));
    const manyWords = `${need} ${Array.from({ length: 20 }, (_, i) => `sana${i}x`).join(' ')} velka`;
    expect(rankServices(index, manyWords, { limit: 10 })).toEqual(rankServices(index, manyWords.replace(/ velka$/, ''), { limit: 10 }));
  });

  it('the search box takes no more than the cap', () => {
    const html = renderToStaticMarkup(createElement(SearchBox, { value: '', onChange: () => undefined, onKeyDown: () => undefined }));
    expect(html.toLowerCase()).toContain(`maxlength="${QUERY_MAX_LENGTH}"`);
  });
});
