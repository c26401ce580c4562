/**
 * STAND-IN (branch parts-sync) for the chunked packer of branch chunk-pack (contract: notes
 * SCALE-CONTRACT.md, part 2). Same interface; it buffers the services and packs the whole
 * catalogue at `finish`, so its memory is packCatalogue's. The real one replaces this file at merge.
 */
import type { Catalogue, Service } from '../../catalogue/schema';
import type { CompiledLexicon } from '../lexicon';
import type { SynonymFile } from '../synonyms';
import type { PackedIndex, RecordShard } from './format';
import { packCatalogue } from './pack';

export interface ChunkedPacker {
  /** Feeds the next services in catalogue order; returns the record shards these completed (write them now). */
  add(services: Service[]): RecordShard[];
  /** The index and the last (partial) shards. */
  finish(): { index: PackedIndex; shards: RecordShard[] };
}

export function createChunkedPacker(base: Omit<Catalogue, 'services'>, synonymFile: SynonymFile, lexicon?: CompiledLexicon, shardSize?: number): ChunkedPacker {
  const services: Service[] = [];
  return {
    add(more) {
      services.push(...more);
      return [];
    },
    finish() {
      const packed = packCatalogue({ ...base, services } as Catalogue, synonymFile, shardSize, lexicon);
      return { index: packed.index, shards: packed.shards };
    },
  };
}
