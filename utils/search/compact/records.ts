import type { Organisation, Service } from '../../catalogue/schema';
import * as z from 'zod/mini';
import { organisationSchema, serviceSchema } from '../../catalogue/schema';

interface ServiceRecord {
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
 * Records read shard by shard through `readShard` (a packaged file, a storage key …) and kept
 * for the life of the page. Each record crossed a boundary, so it is validated, but only when
 * it is first shown: a shard holds dozens of services and a search shows a few of them. A
 * record that fails validation is left out (get gives undefined) rather than shown half-broken.
 */
export function shardedRecords(shardSize: number, shardCount: number, readShard: (shard: number) => Promise<unknown>): RecordStore {
  const loaded = new Map<number, RawShard>();
  const pending = new Map<number, Promise<void>>();
  const validated = new Map<number, ServiceRecord | null>();

  const loadShard = (shard: number): Promise<void> => {
    let promise = pending.get(shard);
    if (!promise) {
      promise = readShard(shard).then((data) => {
        loaded.set(shard, rawShardSchema.parse(data));
      });
      // A failed read may be retried by the next search.
      promise.catch(() => pending.delete(shard));
      pending.set(shard, promise);
    }
    return promise;
  };

  const validate = (position: number): ServiceRecord | null => {
    const shard = loaded.get(Math.floor(position / shardSize));
    const service = serviceSchema.safeParse(shard?.services[position % shardSize]);
    if (!shard || !service.success) return null;
    const organisation = organisationSchema.safeParse(
      shard.organisations.find((candidate) => (candidate as { id?: unknown } | null)?.id === service.data.organisationId),
    );
    return organisation.success ? { service: service.data, organisation: organisation.data } : null;
  };

  return {
    get: (position) => {
      if (!loaded.has(Math.floor(position / shardSize))) return undefined;
      let record = validated.get(position);
      if (record === undefined) validated.set(position, (record = validate(position)));
      return record ?? undefined;
    },
    load: async (positions) => {
      const shards = new Set(positions.map((position) => Math.floor(position / shardSize)));
      await Promise.all([...shards].filter((shard) => shard < shardCount && !loaded.has(shard)).map(loadShard));
    },
  };
}

/** A shard's outline, checked on read; its records are checked one by one when shown. */
const rawShardSchema = z.strictObject({ services: z.array(z.unknown()), organisations: z.array(z.unknown()) });
type RawShard = z.infer<typeof rawShardSchema>;
