import { browser } from '#imports';
import { openPackedCatalogue, type CatalogueState } from './packed';

export type { CatalogueState } from './packed';

let memo: Promise<CatalogueState> | undefined;

/**
 * The catalogue shipped inside the extension, packed at build time (utils/wxt-modules/packed-catalogue.ts
 * validates and indexes it), so opening the popup reads a compact index instead of parsing the
 * whole catalogue and indexing it again. Read once per page; the index is validated on load.
 */
export function loadBundledCatalogue(): Promise<CatalogueState> {
  memo ??= openPackedCatalogue(async (file) => {
    // The public path type only knows files in public/; these are generated at build time.
    const response = await fetch(browser.runtime.getURL(`/${file}` as '/'));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response.json();
  });
  return memo;
}
