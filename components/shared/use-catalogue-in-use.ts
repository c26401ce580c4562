import { useSyncExternalStore } from 'react';
import { openCatalogueInUse, watchCatalogueInUse, type OpenedCatalogue } from '@/utils/catalogue/open';

/**
 * The catalogue in use on this page (utils/catalogue/in-use.ts decides which), opened once
 * and switched when the background stores a newer feed. `startOpeningCatalogue()` may be
 * called before React renders (entrypoints/popup/main.tsx) so that reading the index and
 * evaluating React overlap.
 */
let snapshot: OpenedCatalogue | null = null;
let opening: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(opened: OpenedCatalogue): void {
  snapshot = opened;
  for (const listener of listeners) listener();
}

export function startOpeningCatalogue(): void {
  if (opening) return;
  opening = openCatalogueInUse().then(publish);
  watchCatalogueInUse(publish);
}

function subscribe(listener: () => void): () => void {
  startOpeningCatalogue();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `null` for the moment the index takes to open. */
export function useCatalogueInUse(): OpenedCatalogue | null {
  return useSyncExternalStore(subscribe, () => snapshot);
}
