import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { FEED_DB_NAME, FEED_DB_VERSION, FEED_PARTS_STORE, revisionKeyRange, type FeedPartKey } from './feed-keys';

/**
 * The IndexedDB database that holds the synced feed's parts (index, record shards, catalogue
 * text). IndexedDB belongs to the extension's origin: the background (Chrome's MV3 service
 * worker, Firefox's MV2 page) and the popup open the same database. Values are checked by
 * their readers (zod), as everything read from storage.
 */
interface FeedDb extends DBSchema {
  [FEED_PARTS_STORE]: { key: FeedPartKey; value: unknown };
}
export type FeedDatabase = IDBPDatabase<FeedDb>;

let opened: { factory: IDBFactory; db: Promise<FeedDatabase> } | undefined;

/** The open database, one connection per page (again after a newer version asked to take over). */
export function feedDatabase(): Promise<FeedDatabase> {
  // Tests swap the factory for a fresh one between cases (tests/unit/setup-indexeddb.ts).
  if (opened?.factory !== indexedDB) {
    const db = openDB<FeedDb>(FEED_DB_NAME, FEED_DB_VERSION, {
      upgrade(database) {
        database.createObjectStore(FEED_PARTS_STORE);
      },
      blocking() {
        // A newer version of the extension wants to upgrade the database: let it.
        void db.then((database) => database.close());
        opened = undefined;
      },
      terminated() {
        opened = undefined;
      },
    });
    opened = { factory: indexedDB, db };
    db.catch(() => (opened = undefined));
  }
  return opened.db;
}

/** Every key of one revision. */
export function revisionRange(id: string): IDBKeyRange {
  const [lower, upper] = revisionKeyRange(id);
  return IDBKeyRange.bound(lower, upper);
}

/** The ids of every revision in the database (one key per revision visited, not every part). */
export async function storedRevisionIds(db: FeedDatabase): Promise<string[]> {
  const ids: string[] = [];
  let cursor = await db.transaction(FEED_PARTS_STORE).store.openKeyCursor();
  while (cursor) {
    const id = cursor.key[0];
    ids.push(id);
    cursor = await cursor.continue(revisionKeyRange(id)[1] as unknown as FeedPartKey);
  }
  return ids;
}
