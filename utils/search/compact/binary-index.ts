import { base64ToBytes, base64ToUint32, bytesToBase64, uint32ToBase64 } from '../../base64';
import type { BinaryPackedIndex, PackedIndex } from './format';

/**
 * The packed index's typed arrays as the bytes themselves instead of base64 text: how the
 * synced feed's index is kept in IndexedDB (structured clone stores typed arrays as they are,
 * so the popup reads ~7 MB of bytes at 100,000 services instead of parsing 9.4 MB of base64
 * out of JSON). The bundled index stays base64 JSON (a file in the package); the opener
 * (search-index.ts) takes either.
 */
export const BYTE_FIELDS = ['postings'] as const;
export const UINT32_FIELDS = [
  'postingStarts',
  'postingCounts',
  'organisationOf',
  'areaMasks',
  'audienceMasks',
  'languageMasks',
  'categoryMasks',
  'nameOrder',
  'crisisMasks',
] as const;

export function toBinaryIndex(index: PackedIndex): BinaryPackedIndex {
  const { crisisMasks, ...rest } = index;
  return {
    ...rest,
    postings: base64ToBytes(index.postings),
    postingStarts: base64ToUint32(index.postingStarts),
    postingCounts: base64ToUint32(index.postingCounts),
    organisationOf: base64ToUint32(index.organisationOf),
    areaMasks: base64ToUint32(index.areaMasks),
    audienceMasks: base64ToUint32(index.audienceMasks),
    languageMasks: base64ToUint32(index.languageMasks),
    categoryMasks: base64ToUint32(index.categoryMasks),
    nameOrder: base64ToUint32(index.nameOrder),
    ...(crisisMasks !== undefined ? { crisisMasks: base64ToUint32(crisisMasks) } : {}),
  };
}

/**
 * The base64 form of a binary index (the bundled index's form, what packCatalogue returns), its
 * keys in the same order: the chunked packer builds the binary form and encodes it for this.
 */
export function fromBinaryIndex(index: BinaryPackedIndex): PackedIndex {
  const { crisisMasks } = index;
  // Spread, then overwritten in place: the keys keep their order, so the JSON is the packer's as before.
  const encoded: Omit<PackedIndex, 'crisisMasks'> & { crisisMasks?: unknown } = {
    ...index,
    postings: bytesToBase64(index.postings),
    postingStarts: uint32ToBase64(index.postingStarts),
    postingCounts: uint32ToBase64(index.postingCounts),
    organisationOf: uint32ToBase64(index.organisationOf),
    areaMasks: uint32ToBase64(index.areaMasks),
    audienceMasks: uint32ToBase64(index.audienceMasks),
    languageMasks: uint32ToBase64(index.languageMasks),
    categoryMasks: uint32ToBase64(index.categoryMasks),
    nameOrder: uint32ToBase64(index.nameOrder),
  };
  if (crisisMasks !== undefined) encoded.crisisMasks = uint32ToBase64(crisisMasks);
  return encoded as PackedIndex;
}

/** Whether an index read from storage is the binary form (the opener then checks it with that schema). */
export function isBinaryIndex(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { postings?: unknown }).postings instanceof Uint8Array;
}
