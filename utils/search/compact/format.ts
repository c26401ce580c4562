import * as z from 'zod/mini';
import {
  categorySchema,
  infoSessionSchema,
  maintainerSchema,
  organisationSchema,
  serviceSchema,
  siteSchema,
  type Organisation,
  type Service,
} from '../../catalogue/schema';
import { compiledLexiconSchema } from '../lexicon';

/**
 * The packed search index: everything the popup needs to search a catalogue, precomputed
 * (at build time for the bundled catalogue, at sync time for a feed), as plain JSON that
 * extension storage can hold. The service records themselves travel separately in shards and
 * are read only for the results shown.
 *
 * Typed arrays are base64 (little-endian) here; binaryPackedIndexSchema below is the same index
 * with the arrays themselves (the synced feed's, in IndexedDB). `postings` is one varint stream: for each term (in
 * `terms` order), its services in ascending position, each as `delta * weights.length +
 * weightCode`; `postingStarts[t]` is term t's byte offset and `postingCounts[t]` its length.
 */
export const COMPACT_FORMAT = 'jarjestoopas-packed-index';
export const COMPACT_VERSION = 1;

// Checked by decoding, not by a regular expression over megabytes: validation stays cheap.
const base64 = z.string();

/** The index's `sessions` section (below); also stored apart for the background's badge (feed-store.ts). */
export const packedSessionsSchema = z.strictObject({
  sites: z.array(siteSchema),
  infoSessions: z.array(infoSessionSchema),
  organisations: z.array(organisationSchema),
  services: z.array(serviceSchema),
});

export const packedIndexSchema = z.strictObject({
  format: z.literal(COMPACT_FORMAT),
  version: z.literal(COMPACT_VERSION),
  // The maintainer travels with the index: stale-contact reports go to the catalogue's own maintainer.
  catalogue: z.strictObject({
    revision: z.int().check(z.nonnegative()),
    publishedAt: z.string(),
    region: z.string(),
    maintainer: maintainerSchema,
  }),
  serviceCount: z.int().check(z.nonnegative()),
  organisationCount: z.int().check(z.nonnegative()),
  shardSize: z.int().check(z.positive()),
  shardCount: z.int().check(z.nonnegative()),
  /** Categories that at least one service has, in catalogue order; bit i of a service's mask is categories[i]. */
  categories: z.array(categorySchema),
  /** Sorted index terms (folded stems), one per line. */
  terms: z.string(),
  /** Sorted whole words and stems of the catalogue, one per line, for splitting query compounds. */
  knownWords: z.string(),
  weights: z.array(z.number().check(z.positive())),
  postingStarts: base64,
  postingCounts: base64,
  postings: base64,
  /** Per service: its organisation's ordinal, filter bitmasks and position in name order. */
  organisationOf: base64,
  areaMasks: base64,
  audienceMasks: base64,
  languageMasks: base64,
  categoryMasks: base64,
  nameOrder: base64,
  /** Crisis needs, generic and place words, derivational endings (see lexicon.ts); absent in
   *  indexes packed before them, which then search without those rules. */
  lexicon: z.optional(compiledLexiconSchema),
  /** Per service: bit i set when it is crisis help for lexicon.crisisNeeds[i]. */
  crisisMasks: z.optional(base64),
  synonyms: z.strictObject({
    groupsByStem: z.array(z.tuple([z.string(), z.array(z.int().check(z.nonnegative()))])),
    /** `slots`: the phrase's words as alternative keys (see synonyms.ts); absent in older indexes. */
    phrases: z.array(z.strictObject({ phrase: z.string(), group: z.int().check(z.nonnegative()), slots: z.optional(z.array(z.array(z.string()))) })),
    termsByGroup: z.array(z.array(z.string())),
    /** Groups from this index on are the need vocabulary's (they weigh less); absent: none. */
    vocabularyFrom: z.optional(z.int().check(z.nonnegative())),
  }),
  /**
   * What the info-session banner needs at popup open, whole: sites, sessions, and the
   * organisations they name with those organisations' services (for their cards). A few
   * dozen records even for a region of 30,000 services.
   */
  sessions: packedSessionsSchema,
});
export type PackedIndex = z.infer<typeof packedIndexSchema>;

const bytes = z.instanceof(Uint8Array);
const uint32s = z.instanceof(Uint32Array);

/**
 * The same index with its typed arrays as bytes (binary-index.ts): how a synced feed's index
 * is stored in IndexedDB. Checked like the base64 form when read (storage is a trust boundary);
 * the lengths are checked by the opener either way.
 */
export const binaryPackedIndexSchema = z.extend(packedIndexSchema, {
  postingStarts: uint32s,
  postingCounts: uint32s,
  postings: bytes,
  organisationOf: uint32s,
  areaMasks: uint32s,
  audienceMasks: uint32s,
  languageMasks: uint32s,
  categoryMasks: uint32s,
  nameOrder: uint32s,
  crisisMasks: z.optional(uint32s),
});
export type BinaryPackedIndex = z.infer<typeof binaryPackedIndexSchema>;

/**
 * One shard of service records: services at positions [shard × shardSize, …) and their
 * organisations. Checked when read (see records.ts), each record only when it is shown.
 */
export interface RecordShard {
  services: Service[];
  organisations: Organisation[];
}

/** What the builder makes of a catalogue: the index the popup opens with, and the record shards. */
export interface PackedCatalogue {
  index: PackedIndex;
  shards: RecordShard[];
}
