import { AREAS, AUDIENCES, LANGUAGES } from '../catalogue/schema';
import type { SearchFilters } from './filters';
import type { SearchIndex } from './search-index';

const NOTHING = () => false;
const EVERYTHING = () => true;

/**
 * The filters (filters.ts) over the packed per-service bitmasks, without touching a service
 * record: a city is served by local, region-wide and national services; a service that lists
 * no languages works in Finnish.
 */
export function eligibilityTest(index: SearchIndex, filters: SearchFilters): (position: number) => boolean {
  const facts = index.facts;
  const tests: Array<(position: number) => boolean> = [];
  if (filters.city) {
    const at = AREAS.indexOf(filters.city);
    if (at < 0) return NOTHING;
    // A service serves a city if it is local there, region-wide or national.
    const mask = 2 ** at | (2 ** AREAS.indexOf('uusimaa')) | (2 ** AREAS.indexOf('suomi'));
    tests.push((position) => (facts.areaMasks[position]! & mask) !== 0);
  }
  if (filters.category) {
    const bit = index.categories.findIndex((category) => category.id === filters.category);
    if (bit < 0) return NOTHING;
    const word = bit >> 5;
    const mask = 2 ** (bit & 31);
    tests.push((position) => (facts.categoryMasks[position * facts.categoryWords + word]! & mask) !== 0);
  }
  if (filters.audience) {
    const at = AUDIENCES.indexOf(filters.audience);
    if (at < 0) return NOTHING;
    tests.push((position) => (facts.audienceMasks[position]! & (2 ** at)) !== 0);
  }
  if (filters.language) {
    const at = LANGUAGES.indexOf(filters.language);
    if (at < 0) return NOTHING;
    tests.push((position) => (facts.languageMasks[position]! & (2 ** at)) !== 0);
  }
  if (tests.length === 0) return () => true;
  // Called once per candidate (tens of thousands at 100,000 services): no wrapper when it can be avoided.
  if (tests.length === 0) return EVERYTHING;
  if (tests.length === 1) return tests[0]!;
  return (position) => tests.every((test) => test(position));
}
