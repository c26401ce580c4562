/**
 * `npm run relevance [-- --misses] [-- --set FILE …]`: hit@1, hit@3, MRR and no-match accuracy
 * of the bundled catalogue's search for every query set in the repository, and for each extra
 * query file named with `--set` (e.g. a wider unseen set kept outside the repository; it must
 * exist). `--misses` lists what each set missed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema } from '../../utils/catalogue/schema';
import { buildSearchIndex } from '../../utils/search/build-index';
import { bundledLexicon } from '../../utils/search/lexicon-files';
import { formatTable, measureSet, querySetSchema, type SetFigures } from '../../utils/search/relevance';
import { rankServices } from '../../utils/search/search';
import { synonymFileSchema } from '../../utils/search/synonyms';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as unknown;

const SETS: Array<[string, string]> = [
  ['shared examples (fixture)', 'tests/unit/fixtures/shared-queries.json'],
  ['regression (was held-out)', 'tests/unit/fixtures/regression-queries.json'],
  ['client situations (blind)', 'tests/unit/fixtures/situation-queries.json'],
  ...process.argv.flatMap((argument, at) => (argument === '--set' && process.argv[at + 1] ? [[process.argv[at + 1]!, process.argv[at + 1]!] as [string, string]] : [])),
];

const index = buildSearchIndex(catalogueSchema.parse(read('data/catalogue.json')), synonymFileSchema.parse(read('data/synonyms.json')), bundledLexicon());
const rank = (query: string) =>
  rankServices(index, query, { limit: 10 }).map((hit) => ({
    organisationId: index.records.get(hit.position)!.organisation.id,
    weak: (hit as { weak?: boolean }).weak === true,
  }));

const rows: Array<[string, SetFigures]> = [];
for (const [name, file] of SETS) {
  rows.push([name, measureSet(querySetSchema.parse(read(file)).queries, rank)]);
}
console.log(formatTable(rows));
if (process.argv.includes('--misses')) {
  for (const [name, figures] of rows) {
    console.log(`\n${name}: ${figures.misses.length} missed`);
    for (const { query, got } of figures.misses) console.log(`  "${query}" → ${got.join(', ') || '(nothing)'}`);
    if (figures.weakOnly.length > 0) console.log(`  only weak results (shown as "no direct match"): ${figures.weakOnly.map((query) => `"${query}"`).join(', ')}`);
  }
}
