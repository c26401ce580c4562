import type { Catalogue } from '../catalogue/schema';
import type { ChunkedPacker } from '../search/compact/chunked-pack';
import type { BinaryPackedIndex, PackedIndex, RecordShard } from '../search/compact/format';
import { createCatalogueAssembler, createTextHasher, type PartList } from './parts';
import { partsSourceHeaderText } from './parts-source';
import { checkBase, createServiceChecker, type Checked } from './parts-validate';

/** What the packing writes to: a staged revision (utils/catalogue/feed-store.ts). */
export interface PackingTarget {
  putShard(at: number, shard: RecordShard): Promise<void>;
  /** The packer hands the binary form (what IndexedDB keeps): no base64 round trip of the index's arrays. */
  putIndex(index: PackedIndex | BinaryPackedIndex): Promise<void>;
  putSourcePart(at: number, text: string): Promise<void>;
}

export type PackingProblem = { ok: false; reason: 'schemaInvalid' | 'vocabularyInvalid' | 'invalidJson'; detail: string };

export interface PackingLayout {
  keys: readonly string[];
  sections: Record<string, unknown>;
}

/**
 * A catalogue packed part by part into a staged revision (issue 22), the same for a sync in parts
 * and for a delta applied to stored parts: the organisations first (all kept: the packer needs
 * them up front, as the shards do), then services part by part, each validated (parts-validate.ts),
 * fed to the chunked packer, its completed shards written at once, its text kept as a source part
 * and fed to an incremental SHA-256 of the exact catalogue.json bytes. Only one part's text and
 * objects are alive at a time, besides the organisations and the packer's state.
 *
 * `write: false` replays a part that is already stored (a resumed sync rebuilding the packer's
 * state): nothing is written again, except shards not yet written.
 */
export function createStagedPacking(target: PackingTarget, layout: PackingLayout, makePacker: (base: Omit<Catalogue, 'services'>) => ChunkedPacker, writtenShards: ReadonlySet<number> = new Set()) {
  const hasher = createTextHasher();
  const assembler = createCatalogueAssembler(layout.keys, layout.sections, (text) => hasher.update(text));
  const organisations: unknown[] = [];
  let services: { packer: ChunkedPacker; checker: ReturnType<typeof createServiceChecker> } | null = null;
  let nextSource = 1;
  let nextShard = 0;
  let serviceCount = 0;

  const parseList = (text: string): unknown[] | PackingProblem => {
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value)) return value;
    } catch {
      // reported below
    }
    return { ok: false, reason: 'invalidJson', detail: `part ${nextSource} is not a JSON list` };
  };
  async function writeShards(shards: RecordShard[]) {
    for (const shard of shards) {
      const at = nextShard++;
      if (!writtenShards.has(at)) await target.putShard(at, shard);
    }
  }
  /** The base is complete when the first services part comes (or at the end): check it, start the packer. */
  function startServices(): Checked<null> | PackingProblem {
    if (services) return { ok: true, value: null };
    const base = checkBase(layout.sections, organisations);
    if (!base.ok) return base;
    services = { packer: makePacker(base.value), checker: createServiceChecker(base.value) };
    // The raw organisations are not needed any more (the parsed ones live in the base).
    organisations.length = 0;
    return { ok: true, value: null };
  }

  return {
    /** Writes source part 0 (the layout, with how many parts each list has); a resumed sync has it already. */
    begin: (lists: Record<PartList, number>) => target.putSourcePart(0, partsSourceHeaderText({ keys: [...layout.keys], sections: layout.sections, lists })),

    /**
     * `bytes`: the part's exact UTF-8 bytes when the caller holds them (a fetched part, `text`
     * decoded from them), hashed as they are instead of encoding `text` again.
     */
    async part(list: PartList, text: string, write = true, bytes?: Uint8Array): Promise<Checked<null> | PackingProblem> {
      if (list === 'organisations' && services) return { ok: false, reason: 'schemaInvalid', detail: 'an organisations part after services' };
      // Hashed first: the bytes (or the text's copy for the hash) are not held across the awaits below.
      assembler.part(list, text, bytes);
      bytes = undefined;
      let records: unknown[] | PackingProblem | null = parseList(text);
      if (!Array.isArray(records)) return records;
      if (list === 'organisations') {
        organisations.push(...records);
      } else {
        const started = startServices();
        if (!started.ok) return started;
        const checked = services!.checker.check(records);
        // The raw records are not needed once checked: only the parsed ones go on (to the packer's shards).
        records = null;
        if (!checked.ok) return checked;
        serviceCount += checked.value.length;
        await writeShards(services!.packer.add(checked.value));
      }
      if (write) await target.putSourcePart(nextSource, text);
      nextSource += 1;
      return { ok: true, value: null };
    },

    /** The index and the last shards written; the SHA-256 and size of the catalogue.json these parts make. */
    async finish(): Promise<Checked<{ shardCount: number; sourceParts: number; sha256: string; bytes: number; services: number; header: PackedIndex['catalogue'] }> | PackingProblem> {
      const started = startServices();
      if (!started.ok) return started;
      const vocabulary = services!.checker.finish();
      if (!vocabulary.ok) return vocabulary;
      const packer = services!.packer;
      // The checker's sets (every service id) are done with: not kept alive while the packer builds the index.
      services = null;
      const { index, shards } = packer.finishBinary();
      await writeShards(shards);
      await target.putIndex(index);
      assembler.finish();
      const digest = hasher.digest();
      return { ok: true, value: { shardCount: nextShard, sourceParts: nextSource, sha256: digest.sha256, bytes: digest.bytes, services: serviceCount, header: index.catalogue } };
    },
  };
}
