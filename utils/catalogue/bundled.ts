import bundledCatalogue from '../../data/catalogue.json';
import bundledSynonyms from '../../data/synonyms.json';
import { buildSearchIndex, type SearchIndex } from '../search/build-index';
import { synonymFileSchema } from '../search/synonyms';
import { formatIssues, parseCatalogue } from './load';

export type CatalogueState = { status: 'ready'; index: SearchIndex } | { status: 'error'; problems: string[] };

let memo: CatalogueState | undefined;

/**
 * The catalogue shipped inside the extension, validated (the bundled file is a trust boundary
 * like any other) and indexed once per page, never per keystroke.
 */
export function loadBundledCatalogue(): CatalogueState {
  if (memo) return memo;
  const parsed = parseCatalogue(bundledCatalogue);
  const synonyms = synonymFileSchema.safeParse(bundledSynonyms);
  if (!parsed.success) {
    memo = { status: 'error', problems: formatIssues(parsed.data, parsed.issues) };
  } else if (!synonyms.success) {
    memo = { status: 'error', problems: synonyms.error.issues.map((issue) => `synonyms: ${issue.message}`) };
  } else {
    memo = { status: 'ready', index: buildSearchIndex(parsed.catalogue, synonyms.data) };
  }
  return memo;
}
