/** The synced feed's IndexedDB parts as tests look at them (fake-indexeddb: tests/unit/setup-indexeddb.ts). */
import { vi } from 'vitest';
import { feedDatabase } from '@/utils/catalogue/feed-db';
import { FEED_PARTS_STORE, type FeedPartKey } from '@/utils/catalogue/feed-keys';

/** Every stored part's key, `id/kind/at`, sorted. */
export async function storedParts(): Promise<string[]> {
  const keys = (await (await feedDatabase()).getAllKeys(FEED_PARTS_STORE)) as FeedPartKey[];
  return keys.map((key) => key.join('/')).sort();
}

/** Every stored value of one part, or undefined. */
export async function storedPart(key: FeedPartKey): Promise<unknown> {
  return (await feedDatabase()).get(FEED_PARTS_STORE, key);
}

/** The next `times` writes to IndexedDB fail as a full disk does (QuotaExceededError). */
export function failIndexedDbWrites(times = 1) {
  const put = IDBObjectStore.prototype.put;
  let left = times;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (left-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}
