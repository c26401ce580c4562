import { useEffect, useState } from 'react';
import { loadBundledCatalogue, type CatalogueState } from '@/utils/catalogue/bundled';

/** The packed catalogue shipped in the extension; `null` for the moment it takes to open. */
export function useBundledCatalogue(): CatalogueState | null {
  const [bundled, setBundled] = useState<CatalogueState | null>(null);
  useEffect(() => {
    let mounted = true;
    void loadBundledCatalogue().then((state) => mounted && setBundled(state));
    return () => {
      mounted = false;
    };
  }, []);
  return bundled;
}
