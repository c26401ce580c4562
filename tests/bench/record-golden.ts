/**
 * Records what the search core answers for many queries × filters on the bundled catalogue and
 * on a small generated one, as tests/unit/fixtures/search-golden.json. It was first run on the
 * in-memory core before the compact index replaced it (commit 7de4d4c), so the equivalence test
 * proves the compact core ranks exactly as that core did. Re-recorded on purpose in issue 11
 * (weak matches, crisis help first, generic and place words, derivations, the list ending where
 * relevance ends; see docs/search.md for the relevance figures before and after). Re-run only on purpose:
 *   npx tsx tests/bench/record-golden.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema, type Catalogue } from '@/utils/catalogue/schema';
import { buildSearchIndex } from '@/utils/search/build-index';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import type { SearchFilters } from '@/utils/search/filters';
import { searchServices } from '@/utils/search/search';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { goldenCases } from './golden-cases';

const ROOT = resolve(import.meta.dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as unknown;

const synonyms = synonymFileSchema.parse(readJson('data/synonyms.json'));
const bundled = catalogueSchema.parse(readJson('data/catalogue.json'));
const cases = goldenCases(bundled);
const lexicon = bundledLexicon();

const indexes = new Map<Catalogue, ReturnType<typeof buildSearchIndex>>();
function answer(catalogue: Catalogue, query: string, filters: SearchFilters) {
  if (!indexes.has(catalogue)) indexes.set(catalogue, buildSearchIndex(catalogue, synonyms, lexicon));
  const index = indexes.get(catalogue)!;
  const position = new Map(catalogue.services.map((service, at) => [service.id, at]));
  return searchServices(index, query, { filters, limit: 10 }).map(({ service, score }) => [position.get(service.id)!, score]);
}

const recorded = cases.map(({ catalogue, query, filters }) => ({
  catalogue: catalogue.name,
  query,
  filters,
  results: answer(catalogue.data, query, filters),
}));
writeFileSync(resolve(ROOT, 'tests/unit/fixtures/search-golden.json'), `${JSON.stringify(recorded)}\n`);
console.log(`recorded ${recorded.length} answers`);
