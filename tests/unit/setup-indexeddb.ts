/**
 * IndexedDB for the unit tests (the synced feed's parts live there: utils/catalogue/feed-db.ts):
 * fake-indexeddb in memory, as WxtVitest gives the extension APIs through fakeBrowser. A test
 * that resets the fake browser gets an empty database too, as a fresh browser profile would.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const resetBrowser = fakeBrowser.reset.bind(fakeBrowser);
fakeBrowser.reset = () => {
  resetBrowser();
  globalThis.indexedDB = new IDBFactory();
};
