import { browser, storage } from '#imports';
import { feedPointerItem, packedFeedKeys } from '../storage';
import { feedDatabase } from './feed-db';
import { FEED_PARTS_STORE, feedPartKey } from './feed-keys';
import { chooseCatalogue, readCatalogueHeader, readFeedPointer, type CatalogueHeader, type CatalogueInUse, type PackedFeedPointer } from './in-use';
import { packedSessionsSchema, type PackedIndex } from '../search/compact/format';
import { markStartup } from '../startup-marks';
import { openPackedCatalogue, PACKED_HEADER_FILE, PACKED_INDEX_FILE, packedShardFile, type CatalogueState, type PackedSource } from './packed';

/**
 * The browser side of "which catalogue is in use" (the rule itself is utils/catalogue/in-use.ts):
 * reads the bundled header and the stored feed pointer, and opens the chosen packed catalogue,
 * from the extension package or from the synced feed's IndexedDB database, by the same code.
 */

export interface OpenedCatalogue {
  /** null when not even the bundled header could be read (a broken build): `state` says why. */
  inUse: CatalogueInUse | null;
  state: CatalogueState;
}

async function packageJson(file: string): Promise<unknown> {
  // The public path type only knows files in public/; these are generated at build time.
  const response = await fetch(browser.runtime.getURL(`/${file}` as '/'));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}

let bundledHeader: Promise<CatalogueHeader> | undefined;

/** The header of the catalogue packed into this build (a few hundred bytes). */
export function readBundledHeader(): Promise<CatalogueHeader> {
  bundledHeader ??= packageJson(PACKED_HEADER_FILE).then((data) => {
    const header = readCatalogueHeader(data);
    if (!header) throw new Error(`${PACKED_HEADER_FILE}: not a catalogue header`);
    return header;
  });
  return bundledHeader;
}

/** Which catalogue is in use now (header only: the background and the options page need no index). */
async function readCatalogueInUse(): Promise<CatalogueInUse> {
  // A synced feed's index is read from IndexedDB right after the pointer: the database is opened
  // meanwhile, not waited for (a round trip less before the first ranking; unused, and empty,
  // when no feed is stored).
  feedDatabase().catch(() => undefined);
  const [bundled, pointer] = await Promise.all([readBundledHeader(), feedPointerItem.getValue().catch(() => null)]);
  return chooseCatalogue(bundled, readFeedPointer(pointer));
}

const opened = new Map<string, Promise<CatalogueState>>();

/** A synced feed's parts: from IndexedDB, or from storage.local while a feed stored before issue 22 waits to be moved. */
function feedSource(feed: PackedFeedPointer): PackedSource {
  const required = (what: string) => (data: unknown) => {
    if (data === null || data === undefined) throw new Error(`${what} of feed ${feed.id} is missing`);
    return data;
  };
  if (feed.store === 'indexeddb') {
    return {
      readIndex: async () => (await feedDatabase()).get(FEED_PARTS_STORE, feedPartKey(feed.id, 'index')),
      readShard: async (shard) => required(`shard ${shard}`)(await (await feedDatabase()).get(FEED_PARTS_STORE, feedPartKey(feed.id, 'shard', shard))),
    };
  }
  return {
    readIndex: () => storage.getItem(packedFeedKeys.index(feed.id)),
    readShard: async (shard) => required(`shard ${shard}`)(await storage.getItem(packedFeedKeys.shard(feed.id, shard))),
  };
}

/** Opens the chosen catalogue: from the extension package, or the feed's parts from extension storage. */
export function openChosen(inUse: CatalogueInUse): Promise<CatalogueState> {
  const id = inUse.feed?.id ?? 'bundled';
  let state = opened.get(id);
  if (!state) {
    const source: PackedSource =
      inUse.source === 'bundled'
        ? { readIndex: () => packageJson(PACKED_INDEX_FILE), readShard: (shard: number) => packageJson(packedShardFile(shard)) }
        : feedSource(inUse.feed);
    state = openPackedCatalogue({
      readIndex: () => source.readIndex().finally(() => markStartup('index-read')),
      readShard: (shard) => source.readShard(shard).finally(() => markStartup('first-shard')),
    }).finally(() => markStartup('index-open'));
    // A page keeps the catalogue in use and the one before it, no more.
    if (opened.size >= 2) opened.delete(opened.keys().next().value!);
    opened.set(id, state);
  }
  return state;
}

/** The catalogue in use, opened for searching (index now, records when shown). */
export async function openCatalogueInUse(): Promise<OpenedCatalogue> {
  let inUse: CatalogueInUse;
  try {
    inUse = await readCatalogueInUse();
  } catch (error) {
    return { inUse: null, state: { status: 'error', problems: [`catalogue: ${(error as Error).message}`] } };
  }
  return { inUse, state: await openChosen(inUse) };
}

/**
 * The sites and info sessions of the catalogue in use, for the background's badge. A synced feed
 * in IndexedDB gives them from its small header record (checked: storage is a trust boundary),
 * not from its index: the service worker wakes when a popup opens and must not read megabytes
 * while the popup ranks the first keystroke. Anything else opens the catalogue as the popup does.
 */
export async function readSessionsInUse(chosen?: CatalogueInUse): Promise<PackedIndex['sessions'] | undefined> {
  const inUse = chosen ?? (await readCatalogueInUse());
  if (inUse.feed?.store === 'indexeddb') {
    const header = (await (await feedDatabase()).get(FEED_PARTS_STORE, feedPartKey(inUse.feed.id, 'header'))) as { sessions?: unknown } | undefined;
    const sessions = packedSessionsSchema.safeParse(header?.sessions);
    return sessions.success ? sessions.data : undefined;
  }
  const state = await openChosen(inUse);
  return state.status === 'ready' ? state.index.sessions : undefined;
}

/** Calls `listener` with the newly opened catalogue whenever the background switches the feed. */
export function watchCatalogueInUse(listener: (opened: OpenedCatalogue) => void): () => void {
  return feedPointerItem.watch(() => void openCatalogueInUse().then(listener));
}
