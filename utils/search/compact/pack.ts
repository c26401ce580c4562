import type { Catalogue } from '../../catalogue/schema';
import type { CompiledLexicon } from '../lexicon';
import type { SynonymFile } from '../synonyms';
import { createChunkedPacker, DEFAULT_SHARD_SIZE } from './chunked-pack';
import type { PackedCatalogue } from './format';

/**
 * The builder for a catalogue held whole: the build (wxt.config.ts), the CLI and the tests.
 * It is the chunked packer (chunked-pack.ts) fed every service at once, so a catalogue packed
 * whole and one streamed in parts by the feed sync come out byte-identical. The catalogue must
 * already be validated (parseCatalogue); see createChunkedPacker for the lexicon.
 */
export function packCatalogue(
  catalogue: Catalogue,
  synonymFile: SynonymFile,
  shardSize = DEFAULT_SHARD_SIZE,
  lexicon?: CompiledLexicon,
): PackedCatalogue {
  const { services, ...base } = catalogue;
  const packer = createChunkedPacker(base, synonymFile, lexicon, shardSize);
  const completed = packer.add(services);
  const { index, shards } = packer.finish();
  return { index, shards: [...completed, ...shards] };
}
