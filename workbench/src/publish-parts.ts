/**
 * The latest revision in parts (issue 22): a signed manifest and content-addressed part files of
 * a few megabytes (utils/sync/parts.ts), so that a browser syncs a national catalogue a part at a
 * time and resumes where it stopped. Derived from the stored, signed catalogue.json byte for byte
 * (the manifest names its SHA-256), so no new table: made once per revision on the first request
 * and kept in memory while that revision is the latest.
 */
import { splitCatalogue, type PartsManifest } from '@jarjestoopas/utils/sync/parts';
import { signBytes, type SigningKeyPair } from '@jarjestoopas/utils/sync/signature';

export interface PublishedParts {
  revision: number;
  manifest: PartsManifest;
  /** The manifest's exact bytes and their detached signature (same key and format as the feed's). */
  manifestBytes: Buffer;
  signature: string;
  /** Part bytes by their SHA-256 (hex). */
  parts: Map<string, Buffer>;
}

export async function publishParts(revision: number, catalogueText: string, key: SigningKeyPair, partBytes?: number): Promise<PublishedParts> {
  const { manifest, parts } = splitCatalogue(catalogueText, partBytes);
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const signature = JSON.stringify(await signBytes(new Uint8Array(manifestBytes), key));
  return { revision, manifest, manifestBytes, signature, parts: new Map(parts.map((part) => [part.entry.sha256, Buffer.from(part.text, 'utf8')])) };
}
