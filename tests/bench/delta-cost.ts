/**
 * The `delta` figure of the bench (issue 22): what a one-service change costs on the wire at
 * each size, against the full feed. Cheap (no browser): the catalogue is serialised as the
 * workbench publishes it, one service's phone number changes, the delta is made with the
 * workbench's code (utils/sync/delta.ts) and checked by applying it (SHA-256 of the result =
 * the new full feed's), exactly as the extension does before it takes a delta.
 */
import { parseCatalogue } from '@/utils/catalogue/load';
import type { Catalogue } from '@/utils/catalogue/schema';
import { applyDelta, makeDelta, sha256HexOf } from '@/utils/sync/delta';

export interface DeltaFigures {
  oneServiceChangeBytes: number;
  fullFeedBytes: number;
}

function published(catalogue: unknown): { json: Record<string, unknown>; bytes: Uint8Array<ArrayBuffer> } {
  const parsed = parseCatalogue(catalogue);
  if (!parsed.success) throw new Error(`bench catalogue invalid: ${JSON.stringify(parsed.issues.slice(0, 2))}`);
  const text = JSON.stringify(parsed.catalogue);
  return { json: JSON.parse(text) as Record<string, unknown>, bytes: new TextEncoder().encode(text) };
}

export async function measureDelta(catalogue: Catalogue): Promise<DeltaFigures> {
  const before = published(catalogue);
  const next = structuredClone(catalogue);
  next.revision += 1;
  const service = next.services.find((candidate) => candidate.phones.length > 0) ?? next.services[0]!;
  // Another valid Helsinki number, printed as it dials.
  service.phones = [{ ...service.phones[0], number: '+358912345678', display: '09 1234 5678' }];
  const after = published(next);
  const sha256 = await sha256HexOf(after.bytes);
  const delta = new TextEncoder().encode(JSON.stringify(makeDelta(before.json, after.json, sha256)));
  const applied = parseCatalogue(applyDelta(before.json, JSON.parse(new TextDecoder().decode(delta))));
  if (!applied.success || (await sha256HexOf(new TextEncoder().encode(JSON.stringify(applied.catalogue)))) !== sha256) {
    throw new Error('the bench delta does not rebuild the published catalogue');
  }
  return { oneServiceChangeBytes: delta.byteLength, fullFeedBytes: after.bytes.byteLength };
}

export function printDeltaFigures(results: Array<{ size: number; delta?: DeltaFigures }>): void {
  for (const { size, delta } of results) {
    if (!delta) continue;
    const ok = delta.oneServiceChangeBytes <= 100_000 ? 'target ≤ 100 kB met' : 'target ≤ 100 kB MISSED';
    console.log(
      `Delta at ${size.toLocaleString('en')} services: one-service change ${delta.oneServiceChangeBytes.toLocaleString('en')} B vs full feed ${delta.fullFeedBytes.toLocaleString('en')} B (${((delta.fullFeedBytes / delta.oneServiceChangeBytes) | 0).toLocaleString('en')}× smaller; ${ok}).`,
    );
  }
}
