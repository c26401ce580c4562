import { revisionId } from '../../utils/catalogue/ids';
import type { PackedFeedPointer } from '../../utils/catalogue/in-use';
import type { PackedCatalogue } from '../../utils/search/compact/format';
import { INITIAL_SYNC_STATE, type SyncState } from '../../utils/sync/state';
import type { SyncStore } from '../../utils/sync/sync-once';

/** A sync store in memory (no browser): the packed revision and the state. */
export function memorySyncStore() {
  const held: { packed: PackedCatalogue | null; pointer: PackedFeedPointer | null; source: string | null; state: SyncState } = { packed: null, pointer: null, source: null, state: { ...INITIAL_SYNC_STATE } };
  const store: SyncStore = {
    readFeed: async () => held.pointer,
    writeFeed: async (packed, { acceptedAt, etag, signerKey }, source) => {
      held.packed = packed;
      held.source = source ?? null;
      held.pointer = { id: revisionId(packed.index.catalogue.revision, acceptedAt), header: packed.index.catalogue, shardCount: packed.shards.length, acceptedAt, etag, signerKey, ...(source ? { sourceParts: 1 } : {}) };
    },
    readFeedSource: async () => held.source,
    annotateFeed: async ({ etag, signerKey }) => {
      if (held.pointer) held.pointer = { ...held.pointer, etag, signerKey };
    },
    removeFeed: async () => {
      held.packed = null;
      held.source = null;
      held.pointer = null;
    },
    readState: async () => held.state,
    writeState: async (state) => void (held.state = state),
  };
  return { store, held };
}
