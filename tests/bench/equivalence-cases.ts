import type { Catalogue } from '@/utils/catalogue/schema';
import type { SearchFilters } from '@/utils/search/filters';
import { BENCH_QUERIES, generateCatalogue } from './generate-catalogue';
import { keystrokes } from './measure';
import sharedQueries from '../unit/fixtures/shared-queries.json';
import regressionQueries from '../unit/fixtures/regression-queries.json';
import situationQueries from '../unit/fixtures/situation-queries.json';

/** A small generated catalogue for the packed-vs-memory equivalence test (cheap enough for every npm test). */
export const EQUIVALENCE_SIZE = 400;
export const EQUIVALENCE_SEED = 5;

/** Filters that narrow in each way the popup can, in rotation. */
const FILTER_ROTATION: SearchFilters[] = [
  { city: 'kerava' },
  { language: 'sv' },
  { category: 'vertaistuki' },
  { audience: 'nuoret', city: 'vantaa' },
  { language: 'en', category: 'keskusteluapu' },
];

export interface EquivalenceCase {
  catalogue: { name: 'bundled' | 'generated'; data: Catalogue };
  query: string;
  filters: SearchFilters;
}

/** Every query with no filter and with one rotating filter; plus each filter with no query. */
export function equivalenceCases(bundled: Catalogue): EquivalenceCase[] {
  const generated = { name: 'generated' as const, data: generateCatalogue(EQUIVALENCE_SIZE, EQUIVALENCE_SEED, bundled.categories) };
  const real = { name: 'bundled' as const, data: bundled };
  const realQueries = [...sharedQueries.queries, ...regressionQueries.queries, ...situationQueries.queries].map(({ query }) => query);
  const sets: Array<[EquivalenceCase['catalogue'], string[]]> = [
    [real, [...new Set([...realQueries, ...sharedQueries.queries.flatMap(({ query }) => keystrokes(query)), 'xqzvwk', '   '])]],
    [generated, [...new Set(BENCH_QUERIES.flatMap(({ query }) => keystrokes(query)))]],
  ];
  const cases: EquivalenceCase[] = [];
  for (const [catalogue, queries] of sets) {
    queries.forEach((query, at) => {
      cases.push({ catalogue, query, filters: {} });
      cases.push({ catalogue, query, filters: FILTER_ROTATION[at % FILTER_ROTATION.length]! });
    });
    for (const filters of FILTER_ROTATION) cases.push({ catalogue, query: '', filters });
  }
  return cases;
}
