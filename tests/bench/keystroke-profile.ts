/**
 * `node --expose-gc --import tsx tests/bench/keystroke-profile.ts [size]`: the core's per-keystroke
 * latency at one catalogue size, with the slowest keystrokes listed (for finding what costs).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { BENCH_QUERIES, generateCatalogue } from './generate-catalogue';
import { prepareCore } from './core-engine';
import { keystrokes, summarise, time } from './measure';

const ROOT = resolve(import.meta.dirname, '..', '..');
const size = Number(process.argv[2] ?? '30000');
const realCatalogue = catalogueSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/catalogue.json'), 'utf8')));
const synonyms = synonymFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'data/synonyms.json'), 'utf8')));
const catalogue = generateCatalogue(size, 20261123, realCatalogue.categories);
const core = prepareCore(catalogue, synonyms);
const mix = BENCH_QUERIES.flatMap(({ query }) => keystrokes(query));
for (const query of mix) core.search(query);
const fastest = mix.map(() => Infinity);
for (let round = 0; round < 3; round++) mix.forEach((query, at) => (fastest[at] = Math.min(fastest[at]!, time(() => core.search(query)).ms)));
const summary = summarise(fastest);
console.log(`size ${size}: median ${summary.median.toFixed(3)} ms, p95 ${summary.p95.toFixed(3)} ms over ${summary.count}`);
const order = mix.map((query, at) => ({ query, ms: fastest[at]! })).sort((a, b) => b.ms - a.ms);
for (const { query, ms } of order.slice(0, Number(process.argv[3] ?? '30'))) console.log(`${ms.toFixed(3).padStart(8)}  ${query}`);
