import type { Organisation, Service } from '../../catalogue/schema';
import { recordShardSchema, type RecordShard } from './format';

export interface ServiceRecord {
  service: Service;
  organisation: Organisation;
}

/**
 * The service records behind search positions. Ranking never needs them; showing a result
 * does. In memory (CLI, tests) every record is there at once; in the popup they are read a
 * shard at a time, only for the results on screen.
 */
export interface RecordStore {
  /** The record, if it is loaded. */
  get(position: number): ServiceRecord | undefined;
  /** Loads the records of these positions (resolves at once when they are all loaded). */
  load(positions: readonly number[]): Promise<void>;
}

/** Every record already in memory. */
export function memoryRecords(services: readonly Service[], organisations: ReadonlyMap<string, Organisation>): RecordStore {
  const records = services.map((service) => ({ service, organisation: organisations.get(service.organisationId)! }));
  return { get: (position) => records[position], load: async () => undefined };
}

/**
 * Records read shard by shard through `readShard` (a packaged file, a storage key …); each
 * shard is validated when read (it crossed a boundary) and kept for the life of the page.
 */
export function shardedRecords(shardSize: number, shardCount: number, readShard: (shard: number) => Promise<unknown>): RecordStore {
  const loaded = new Map<number, ServiceRecord[]>();
  const pending = new Map<number, Promise<void>>();

  const loadShard = (shard: number): Promise<void> => {
    let promise = pending.get(shard);
    if (!promise) {
      promise = readShard(shard).then((data) => {
        const parsed: RecordShard = recordShardSchema.parse(data);
        const organisations = new Map(parsed.organisations.map((organisation) => [organisation.id, organisation]));
        loaded.set(
          shard,
          parsed.services.map((service) => {
            const organisation = organisations.get(service.organisationId);
            if (!organisation) throw new Error(`record shard ${shard}: no organisation "${service.organisationId}"`);
            return { service, organisation };
          }),
        );
      });
      // A failed read may be retried by the next search.
      promise.catch(() => pending.delete(shard));
      pending.set(shard, promise);
    }
    return promise;
  };

  return {
    get: (position) => loaded.get(Math.floor(position / shardSize))?.[position % shardSize],
    load: async (positions) => {
      const shards = new Set(positions.map((position) => Math.floor(position / shardSize)));
      await Promise.all([...shards].filter((shard) => shard < shardCount && !loaded.has(shard)).map(loadShard));
    },
  };
}
