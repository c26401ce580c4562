import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeTrie } from 'cspell-trie-lib';
import { ROOT } from './helpers';

/**
 * Finnish, Swedish and English word lists (cspell's dictionaries, built from the hunspell
 * dictionaries; dev dependencies only, never in the extension) for checking catalogue keywords.
 */
export interface WordLists {
  knows(word: string): boolean;
}

function trieOf(directory: string) {
  const folder = resolve(ROOT, 'node_modules', directory);
  const file = readdirSync(folder, { recursive: true, encoding: 'utf8' }).find((name) => name.endsWith('.trie.gz'));
  if (!file) throw new Error(`no .trie.gz in ${folder}`);
  return decodeTrie(gunzipSync(readFileSync(resolve(folder, file))).toString('utf8'));
}

export function loadWordLists(): WordLists {
  const tries = ['@cspell/dict-fi-fi', '@cspell/dict-sv', '@cspell/dict-en_us'].map(trieOf);
  const inList = (word: string) =>
    tries.some((trie) => trie.has(word) || trie.has(word[0]!.toLocaleUpperCase('fi') + word.slice(1)));
  const cache = new Map<string, boolean>();
  const knows = (word: string): boolean => {
    const lower = word.toLocaleLowerCase('fi');
    let known = cache.get(lower);
    if (known === undefined) {
      // Finnish and Swedish compounds are open-ended: a word whose parts are all in a list
      // (a Swedish linking "s" allowed) is spelled right.
      const part = (piece: string) => inList(piece) || (piece.endsWith('s') && piece.length > 3 && inList(piece.slice(0, -1)));
      known = inList(lower) || splitsInto(lower, part);
      cache.set(lower, known);
    }
    return known;
  };
  return { knows };
}

/** Whether the word is wholly made of listed parts of at least three letters (no guessing). */
function splitsInto(word: string, isPart: (piece: string) => boolean): boolean {
  const reachable = new Array<boolean>(word.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 3; end <= word.length; end++) {
    for (let start = 0; start <= end - 3 && !reachable[end]; start++) {
      if (reachable[start] && (start > 0 || end < word.length) && isPart(word.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[word.length]!;
}

/** Words of a keyword phrase worth checking: letters only, three or more of them. */
export function keywordWords(keyword: string): string[] {
  return keyword.split(/[^\p{L}]+/u).filter((word) => word.length >= 3);
}
