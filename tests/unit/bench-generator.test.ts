import { describe, expect, it } from 'vitest';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { substringEditDistance } from '@/utils/search/fuzzy-terms';
import { generateCatalogue } from '../bench/generate-catalogue';
import { bundledCatalogue } from './helpers';

/** The benchmark's synthetic catalogues must be real catalogues, and the same for the same seed. */
describe('the synthetic catalogue generator', () => {
  const categories = bundledCatalogue().categories;

  it('makes a valid catalogue of the asked size, organisations with several services', () => {
    const catalogue = generateCatalogue(300, 1, categories);
    expect(catalogueSchema.safeParse(catalogue).success).toBe(true);
    expect(catalogue.services).toHaveLength(300);
    expect(catalogue.organisations.length).toBeLessThan(150);
    expect(catalogue.services.some((service) => service.names.sv || service.names.en)).toBe(true);
  });

  it('is deterministic for a seed and different for another', () => {
    expect(JSON.stringify(generateCatalogue(50, 7, categories))).toBe(JSON.stringify(generateCatalogue(50, 7, categories)));
    expect(JSON.stringify(generateCatalogue(50, 8, categories))).not.toBe(JSON.stringify(generateCatalogue(50, 7, categories)));
  });
});

describe('edit distance of a pattern to the closest substring (the typo bound for fuse.js)', () => {
  it.each([
    ['velka', 'velkaneuvonta', 0],
    ['mielenterfey', 'mielenterveys', 1],
    ['yksinasyys', 'yksinaisyys', 1],
    ['kitten', 'sitting', 2],
    ['abc', '', 3],
  ])('"%s" in "%s" needs %i edits', (pattern, text, edits) => {
    expect(substringEditDistance(pattern, text)).toBe(edits);
  });
});
