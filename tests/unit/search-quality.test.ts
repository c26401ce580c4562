import { describe, expect, it } from 'vitest';
import { searchServices } from '@/utils/search/search';
import { bundledIndex, readJson, type QueryCase } from './helpers';

/**
 * Table-driven relevance: every query must show an acceptable organisation among the first
 * three results. `shared-queries.json` is the project's example set (copied from
 * shared/data/queries.json); `regression-queries.json` (formerly called held-out) was written
 * alongside data/synonyms.json, so it guards against regressions rather than measuring unseen
 * queries; the blind client-situation set is measured by `npm run relevance`.
 */
const sets: Array<[string, QueryCase[]]> = [
  ['shared examples', (readJson('tests/unit/fixtures/shared-queries.json') as { queries: QueryCase[] }).queries],
  ['regression set', (readJson('tests/unit/fixtures/regression-queries.json') as { queries: QueryCase[] }).queries],
];

describe.each(sets)('need search relevance: %s', (_name, queries) => {
  it.each(queries)('"$query" shows an expected organisation in the top 3', ({ query, expect: acceptable }) => {
    const top3 = searchServices(bundledIndex(), query, { limit: 3 }).map((result) => result.organisation.id);
    expect(top3.some((id) => acceptable.includes(id)), `top 3 was ${top3.join(', ')}`).toBe(true);
  });
});
