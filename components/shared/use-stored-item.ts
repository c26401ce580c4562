import { useSyncExternalStore } from 'react';
import type { WxtStorageItem } from '#imports';

/**
 * A stored item (utils/storage.ts), read through its zod reader and live: one storage
 * subscription per item and page however many components ask; `null` until storage answered.
 * Writing stays with the caller (`item.setValue`), or with the background where it is the
 * only writer.
 */
interface Source {
  subscribe: (listener: () => void) => () => void;
  get: () => unknown;
}

const sources = new WeakMap<object, Source>();

/**
 * Any item of the registry, whatever its value and metadata types: the value is read back
 * through `read` as unknown, and `WxtStorageItem<unknown, …>` would refuse items whose
 * `setValue` takes a narrower type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyStoredItem = WxtStorageItem<any, any>;

// An item's reader is the same wherever it is read, so the first one given is kept.
function sourceFor(item: AnyStoredItem, read: (stored: unknown) => unknown): Source {
  let source = sources.get(item);
  if (source) return source;
  let snapshot: unknown = null;
  let unwatch: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const publish = (stored: unknown) => {
    snapshot = read(stored);
    for (const listener of listeners) listener();
  };
  source = {
    subscribe(listener) {
      listeners.add(listener);
      if (!unwatch) {
        unwatch = item.watch(publish);
        item.getValue().then(publish, () => publish(undefined));
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unwatch?.();
          unwatch = null;
        }
      };
    },
    get: () => snapshot,
  };
  sources.set(item, source);
  return source;
}

export function useStoredItem<T>(item: AnyStoredItem, read: (stored: unknown) => T): T | null {
  const { subscribe, get } = sourceFor(item, read);
  return useSyncExternalStore(subscribe, get) as T | null;
}
