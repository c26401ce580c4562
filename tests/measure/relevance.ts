/**
 * `npm run relevance [-- --misses] [-- --set FILE …]`: hit@1, hit@3, MRR, no-match accuracy and
 * crisis-first of the bundled catalogue's search for every query set in the repository, and for
 * each extra query file named with `--set` (e.g. a wider unseen set kept outside the repository;
 * it must exist).
 *
 * The blind set of 2026-12 is reported as two halves: `dev` (its misses may be read and worked
 * on) and `heldout` (never tuned on: its misses are never printed, only its figures), and per
 * kind of query. `--misses` lists what each set missed, except the held-out half. `--dev-only`
 * leaves the held-out half out altogether (for tuning sessions: not even its figures are shown).
 *
 * The fresh blind set of 2026-12 (`blind-2026-12b`, written after the vocabulary and ranking work
 * by someone who read only the catalogue) is treated as held-out as a whole: figures only, never
 * its misses, and left out by `--dev-only`. It says how the search does on wording nobody tuned on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema } from '../../utils/catalogue/schema';
import { buildSearchIndex } from '../../utils/search/build-index';
import { bundledLexicon } from '../../utils/search/lexicon-files';
import { formatTable, measureSet, querySetSchema, type QueryCase, type SetFigures } from '../../utils/search/relevance';
import { rankServices } from '../../utils/search/search';
import { synonymFileSchema } from '../../utils/search/synonyms';
import { withBundledVocabulary } from '../../utils/search/bundled-vocabulary';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as unknown;

const SETS: Array<[string, string]> = [
  ['shared examples (fixture)', 'tests/unit/fixtures/shared-queries.json'],
  ['regression (was held-out)', 'tests/unit/fixtures/regression-queries.json'],
  ['client situations (blind)', 'tests/unit/fixtures/situation-queries.json'],
  ...process.argv.flatMap((argument, at) => (argument === '--set' && process.argv[at + 1] ? [[process.argv[at + 1]!, process.argv[at + 1]!] as [string, string]] : [])),
];
const BLIND_SET = 'tests/unit/fixtures/blind-2026-12-queries.json';

const index = buildSearchIndex(catalogueSchema.parse(read('data/catalogue.json')), withBundledVocabulary(synonymFileSchema.parse(read('data/synonyms.json'))), bundledLexicon());
const rank = (query: string) =>
  rankServices(index, query, { limit: 10 }).map((hit) => ({
    organisationId: index.records.get(hit.position)!.organisation.id,
    weak: hit.weak,
    crisis: hit.crisis,
  }));

const rows: Array<[string, SetFigures]> = [];
for (const [name, file] of SETS) {
  rows.push([name, measureSet(querySetSchema.parse(read(file)).queries, rank)]);
}

const blind = querySetSchema.parse(read(BLIND_SET)).queries;
const halves = { dev: blind.filter((entry) => entry.half === 'dev'), heldout: blind.filter((entry) => entry.half === 'heldout') };
const HELD_OUT_NAME = 'blind 2026-12, held-out half';
const FRESH_SET = 'tests/unit/fixtures/blind-2026-12b-queries.json';
const FRESH_NAME = 'blind 2026-12b, fresh (never tuned on)';
const fresh = querySetSchema.parse(read(FRESH_SET)).queries;
rows.push(['blind 2026-12, development half', measureSet(halves.dev, rank)]);
const devOnly = process.argv.includes('--dev-only');
if (!devOnly) rows.push([HELD_OUT_NAME, measureSet(halves.heldout, rank)], [FRESH_NAME, measureSet(fresh, rank)]);
console.log(formatTable(rows));

/** Right organisation first, per kind of query and half: the issue's breakdown. */
function byKind(cases: QueryCase[]): Map<string, string> {
  const kinds = new Map<string, QueryCase[]>();
  for (const entry of cases) kinds.set(entry.kind ?? '?', [...(kinds.get(entry.kind ?? '?') ?? []), entry]);
  const cells = new Map<string, string>();
  for (const [kind, entries] of kinds) {
    const f = measureSet(entries, rank);
    cells.set(kind, kind === 'no-match' ? `${f.noMatchCorrect}/${f.noMatchQueries} quiet` : `${f.hit1}/${f.matchQueries}`);
  }
  return cells;
}
const dev = byKind(halves.dev);
const heldout = devOnly ? new Map<string, string>() : byKind(halves.heldout);
const freshKinds = devOnly ? new Map<string, string>() : byKind(fresh);
console.log('\nblind sets by kind (right organisation first; no-match: answered "no direct match")');
console.log('| kind | 2026-12 development half | 2026-12 held-out half | 2026-12b fresh |\n| --- | --- | --- | --- |');
for (const kind of new Set([...dev.keys(), ...heldout.keys(), ...freshKinds.keys()])) {
  console.log(`| ${kind} | ${dev.get(kind) ?? '–'} | ${heldout.get(kind) ?? '–'} | ${freshKinds.get(kind) ?? '–'} |`);
}

if (process.argv.includes('--misses')) {
  for (const [name, figures] of rows) {
    if (name === HELD_OUT_NAME || name === FRESH_NAME) {
      console.log(`\n${name}: ${figures.misses.length} missed (not listed: never looked at)`);
      continue;
    }
    console.log(`\n${name}: ${figures.misses.length} missed`);
    for (const { query, got } of figures.misses) console.log(`  "${query}" → ${got.join(', ') || '(nothing)'}`);
    if (figures.weakOnly.length > 0) console.log(`  only weak results (shown as "no direct match"): ${figures.weakOnly.map((query) => `"${query}"`).join(', ')}`);
  }
}
