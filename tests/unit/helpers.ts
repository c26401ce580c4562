import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueSchema, type Catalogue } from '@/utils/catalogue/schema';
import { buildSearchIndex, type SearchIndex } from '@/utils/search/build-index';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { withBundledVocabulary } from '@/utils/search/bundled-vocabulary';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(resolve(ROOT, relativePath), 'utf8'));
}

export function bundledCatalogue(): Catalogue {
  return catalogueSchema.parse(readJson('data/catalogue.json'));
}

let index: SearchIndex | undefined;
export function bundledIndex(): SearchIndex {
  index ??= buildSearchIndex(bundledCatalogue(), withBundledVocabulary(synonymFileSchema.parse(readJson('data/synonyms.json'))), bundledLexicon());
  return index;
}

export interface QueryCase {
  query: string;
  expect: string[];
  why?: string;
}
