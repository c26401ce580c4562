/**
 * `npm run bench:paste`: what one keystroke costs when the search box holds a pasted long text,
 * against a normal query, in the same process (issue 12, item 2). Each figure is the search the
 * popup runs for that box content (ranking plus the records of the results, bundled catalogue,
 * packed like the build packs it): the median of several runs after a warm-up, and the ratio to
 * the normal query. The text is what the box holds after the paste: the box's `maxLength` cuts
 * a real paste, and `rankServices` caps the query again for every other caller.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { QUERY_MAX_LENGTH } from '@/utils/search/query-cap';
import { prepareCore } from './core-engine';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as unknown;
const core = prepareCore(catalogueSchema.parse(read('data/catalogue.json')), synonymFileSchema.parse(read('data/synonyms.json')));

/** Deterministic "pasted" text: a referral letter's worth of Finnish-looking words and a URL. */
function pastedText(length: number): string {
  const words = ['asiakas', 'soitti', 'https://www.example.fi/palvelut/omaishoitajat?id=123&ref=abc', 'päihdeongelma', 'velkaneuvontaa',
    'tarvitsee', 'keskusteluapua', 'mielenterveyskuntoutujien', 'vertaistukiryhmä', 'xqzvbnmlkjhgfdsapoiuytrewq', 'lähete'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${words[(i * 7) % words.length]} `;
  return text.slice(0, length);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function perKeystroke(query: string, runs: number): number {
  core.search(query); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    core.search(query);
    times.push(performance.now() - start);
  }
  return median(times);
}

const url = `https://www.vakehyva.fi/palvelut/sosiaali-ja-terveyspalvelut/${'a'.repeat(40)}/omaishoitajien-tuki?utm_source=x&utm_campaign=${'b'.repeat(60)}`.slice(0, 250).padEnd(250, 'c');
const cases: Array<[string, string]> = [
  ['normal query "omaishoitaja tuki"', 'omaishoitaja tuki'],
  ['typo "omaishoitja vertaistki"', 'omaishoitja vertaistki'],
  ['250-character URL', url],
  ['10,000-character paste handed to the core uncut', pastedText(10_000)],
  [`10,000-character paste as the box keeps it (maxLength ${QUERY_MAX_LENGTH})`, pastedText(10_000).slice(0, QUERY_MAX_LENGTH)],
  ['one 200-letter "word"', 'x'.repeat(200)],
  ['worst inside the caps: 8 unknown 24-letter words (typo path each)', Array.from({ length: 8 }, (_, i) => 'qwertyuiopasdfghjklzxcvbnm'.slice(i % 3, (i % 3) + 24)).join(' ')],
];
const runs = Number(process.argv[2] ?? '15');
const normal = perKeystroke(cases[0]![1], runs);
console.log(`per-keystroke search cost, median of ${runs} runs (bundled catalogue)`);
for (const [name, query] of cases) {
  const ms = name === cases[0]![0] ? normal : perKeystroke(query, runs);
  console.log(`${name.padEnd(72)} ${ms.toFixed(3).padStart(9)} ms  ×${(ms / normal).toFixed(1)}`);
}
