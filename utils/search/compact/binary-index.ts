import { base64ToBytes, base64ToUint32 } from '../../base64';
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

/** Whether an index read from storage is the binary form (the opener then checks it with that schema). */
export function isBinaryIndex(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { postings?: unknown }).postings instanceof Uint8Array;
}
