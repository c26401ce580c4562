import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';

/**
 * The catalogue feed in parts (issue 22): the same revision as `catalogue.json`, split so that a
 * browser downloads, checks and packs a few megabytes at a time and can resume after its service
 * worker was stopped.
 *
 * - `parts/index.json` (+ `.sig`, signed like the feed): the manifest. It carries the revision
 *   header and every top-level section except the two record lists, the order of the top-level
 *   keys, and for each record list its parts in order (SHA-256, bytes, record count), with the
 *   SHA-256 and size of the full `catalogue.json`.
 * - `parts/<sha256>.json`: one part, the JSON array of consecutive records of one list, exactly as
 *   `JSON.stringify` writes them. Content-addressed: a part never changes, so it is cached for ever.
 *
 * Organisations come before services: a browser knows every organisation before the first
 * service streams (the chunked packer needs them up front). The parts of a list, joined, are that
 * list's bytes in catalogue.json, so the full feed's exact bytes can be rebuilt piece by piece
 * (`catalogueChunks`) and hashed incrementally against `sha256`.
 *
 * Pure: the workbench splits with it, the extension reads with it.
 */
export const PARTS_FORMAT = 'jarjestoopas-catalogue-parts';
/** The record lists that travel in parts, in the order they travel. */
export const PART_LISTS = ['organisations', 'services'] as const;
export type PartList = (typeof PART_LISTS)[number];

/** About this many bytes per part: small enough for one part's text and objects at a time, big enough for few requests. */
export const DEFAULT_PART_BYTES = 2 * 1024 * 1024;
/** The manifest holds the small sections (vocabulary at most 10,000 entries): anything bigger is not ours. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** No part the workbench writes is near this; a manifest naming a bigger one is refused. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const partEntrySchema = z.strictObject({
  list: z.enum(PART_LISTS),
  sha256: sha256Hex,
  bytes: z.number().int().positive().max(MAX_PART_BYTES),
  records: z.number().int().positive(),
});
export type PartEntry = z.infer<typeof partEntrySchema>;

export const partsManifestSchema = z
  .strictObject({
    format: z.literal(PARTS_FORMAT),
    region: z.string().min(1),
    revision: z.number().int().nonnegative(),
    /** SHA-256 and size of the same revision's full catalogue.json. */
    sha256: sha256Hex,
    bytes: z.number().int().nonnegative(),
    /** catalogue.json's top-level keys in their order (the record lists among them). */
    keys: z.array(z.string()),
    /** Every top-level section but the record lists, as in catalogue.json (validated with the catalogue schema later). */
    sections: z.record(z.string(), z.unknown()),
    parts: z.array(partEntrySchema),
  })
  .check((ctx) => {
    const manifest = ctx.value;
    const expected = manifest.keys.filter((key) => !(PART_LISTS as readonly string[]).includes(key));
    const sectionKeys = Object.keys(manifest.sections);
    if (expected.length !== sectionKeys.length || expected.some((key) => !(key in manifest.sections)) || new Set(manifest.keys).size !== manifest.keys.length) {
      ctx.issues.push({ code: 'custom', message: 'keys and sections do not match', input: manifest.keys, path: ['keys'] });
    }
    if (manifest.keys.indexOf('organisations') > manifest.keys.indexOf('services')) {
      ctx.issues.push({ code: 'custom', message: 'organisations must come before services', input: manifest.keys, path: ['keys'] });
    }
    for (const list of PART_LISTS) {
      if (!manifest.keys.includes(list)) ctx.issues.push({ code: 'custom', message: `no "${list}" key`, input: manifest.keys, path: ['keys'] });
    }
    // Organisations first: a services part before an organisations part would stream services whose organisation is not known yet.
    const firstService = manifest.parts.findIndex((part) => part.list === 'services');
    if (firstService >= 0 && manifest.parts.slice(firstService).some((part) => part.list === 'organisations')) {
      ctx.issues.push({ code: 'custom', message: 'organisations parts must come before services parts', input: manifest.parts, path: ['parts'] });
    }
    if (manifest.sections.revision !== manifest.revision || manifest.sections.region !== manifest.region) {
      ctx.issues.push({ code: 'custom', message: 'header and sections name different revisions', input: manifest.sections, path: ['sections'] });
    }
  });
export type PartsManifest = z.infer<typeof partsManifestSchema>;

export const partsManifestPath = 'parts/index.json';
export const partFileName = (sha256Hex: string) => `${sha256Hex}.json`;

const encoder = new TextEncoder();

export function sha256HexSync(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/**
 * An incremental SHA-256 over the catalogue fed piece by piece (its bytes are never whole in
 * memory). A piece is text (encoded as UTF-8) or bytes already in UTF-8, hashed as they are: a
 * fetched part is hashed from the bytes that came, not re-encoded from its decoded text (a copy
 * of every part less to allocate).
 */
export function createTextHasher() {
  const hash = sha256.create();
  let bytes = 0;
  return {
    update(piece: string | Uint8Array) {
      const chunk = typeof piece === 'string' ? encoder.encode(piece) : piece;
      bytes += chunk.byteLength;
      hash.update(chunk);
    },
    digest: () => ({ sha256: bytesToHex(hash.digest()), bytes }),
  };
}

/** One part file's text and its manifest entry. */
export interface SplitPart {
  entry: PartEntry;
  text: string;
}

/**
 * Splits a published catalogue (its exact JSON text) into a manifest and parts of about
 * `partBytes` each. Throws when the text is not a compact JSON object of the expected shape
 * (then it was not written by JSON.stringify and its bytes could not be rebuilt).
 */
export function splitCatalogue(text: string, partBytes = DEFAULT_PART_BYTES): { manifest: PartsManifest; parts: SplitPart[] } {
  const catalogue = JSON.parse(text) as Record<string, unknown>;
  if (JSON.stringify(catalogue) !== text) throw new Error('the catalogue text is not compact JSON as published');
  const sections: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue)) if (!(PART_LISTS as readonly string[]).includes(key)) sections[key] = value;
  const parts: SplitPart[] = [];
  for (const list of PART_LISTS) {
    const records = catalogue[list];
    if (!Array.isArray(records)) throw new Error(`the catalogue has no "${list}" list`);
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pending.length === 0) return;
      const partText = `[${pending.join(',')}]`;
      const bytes = encoder.encode(partText);
      parts.push({ text: partText, entry: { list, sha256: sha256HexSync(bytes), bytes: bytes.byteLength, records: pending.length } });
      pending = [];
      pendingBytes = 0;
    };
    for (const record of records) {
      const recordText = JSON.stringify(record);
      pending.push(recordText);
      pendingBytes += encoder.encode(recordText).byteLength + 1;
      if (pendingBytes >= partBytes) flush();
    }
    flush();
  }
  const bytes = encoder.encode(text);
  const manifest: PartsManifest = {
    format: PARTS_FORMAT,
    region: String(catalogue.region),
    revision: Number(catalogue.revision),
    sha256: sha256HexSync(bytes),
    bytes: bytes.byteLength,
    keys: Object.keys(catalogue),
    sections,
    parts: parts.map((part) => part.entry),
  };
  return { manifest, parts };
}

/**
 * The exact bytes of catalogue.json, piece by piece, handed to `sink` as the parts arrive: the
 * sections from `keys`/`sections`, each record list from its parts' texts (given in order,
 * organisations before services). Feeding `sink` to `createTextHasher` gives the full feed's
 * SHA-256 without ever holding the catalogue whole.
 */
export function createCatalogueAssembler(keys: readonly string[], sections: Record<string, unknown>, sink: (piece: string | Uint8Array) => void) {
  let keyAt = 0;
  let open: PartList | null = null;
  let partsInList = 0;
  let started = false;
  let done = false;
  /** Writes everything up to the opening of `list` (or to the end, for null). */
  function advanceTo(list: PartList | null) {
    if (open) sink(']');
    open = null;
    while (keyAt < keys.length) {
      const key = keys[keyAt++]!;
      const lead = `${started ? ',' : '{'}${JSON.stringify(key)}:`;
      started = true;
      if (!(PART_LISTS as readonly string[]).includes(key)) {
        sink(`${lead}${JSON.stringify(sections[key])}`);
      } else if (key === list) {
        sink(`${lead}[`);
        open = list;
        partsInList = 0;
        return;
      } else {
        // A list with no parts (or one already passed: the caller's order is wrong and the hash will say so).
        sink(`${lead}[]`);
      }
    }
    if (list !== null) throw new Error(`the catalogue has no "${list}" list after the ones already written`);
  }
  return {
    /**
     * The next part of `list`: its text, or `bytes`, its exact UTF-8 bytes when the caller has
     * them (a fetched part): then what is between its first and last byte goes to `sink` as a
     * view of those bytes, no copy. Only when the bytes open with '[' (one byte, as is the last
     * character of a JSON list): a BOM the decoder dropped from the text would make them differ.
     */
    part(list: PartList, text: string, bytes?: Uint8Array) {
      if (done) throw new Error('the catalogue is already finished');
      if (open !== list) advanceTo(list);
      if (partsInList > 0) sink(',');
      sink(bytes && bytes[0] === 0x5b ? bytes.subarray(1, bytes.byteLength - 1) : text.slice(1, -1));
      partsInList += 1;
    },
    finish() {
      if (done) return;
      advanceTo(null);
      sink(started ? '}' : '{}');
      done = true;
    },
  };
}
