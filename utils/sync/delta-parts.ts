import type { PackedFeedPointer } from '../catalogue/in-use';
import { revisionId } from '../catalogue/ids';
import type { Catalogue } from '../catalogue/schema';
import type { ChunkedPacker } from '../search/compact/chunked-pack';
import { applyList, RECORD_LISTS, type CatalogueDelta, type IdRecord } from './delta';
import { DEFAULT_PART_BYTES } from './parts';
import { readPartsSourceHeader, sourcePartAt } from './parts-source';
import type { DeltaFailure } from './reasons';
import { createStagedPacking } from './staged-packing';
import type { FeedStaging } from './sync-parts';

export type DeltaOnParts = { ok: true; pointer: PackedFeedPointer } | { ok: false; reason: DeltaFailure; detail: string };

/**
 * A verified delta applied to a revision stored in parts (issue 22), without ever holding the
 * catalogue whole: the sections and the organisations (all of them: the packer needs them up
 * front) change in memory; the services parts are read one at a time from storage, their ended
 * records dropped and changed ones replaced in place, the added ones appended to the last part,
 * and each part goes through the same staged packing as a sync in parts (validated, packed chunk
 * by chunk, its text kept for the next delta, hashed). The new revision commits only when the
 * SHA-256 of the bytes these parts make is the one the signed delta names; otherwise its staging
 * is dropped and the caller falls back (the revision in use never changes meanwhile).
 *
 * A delta that re-orders the services (`order`) would need the whole list: refused with
 * `deltaReordered`, and the caller takes the feed in parts. The workbench appends new records
 * (records ORDER BY position), so this is rare.
 */
export async function applyDeltaToParts(
  delta: CatalogueDelta,
  deps: { staging: FeedStaging; makePacker: (base: Omit<Catalogue, 'services'>) => ChunkedPacker; now: () => number },
  signerKey: string,
): Promise<DeltaOnParts> {
  const failed = (reason: DeltaFailure, detail: string): DeltaOnParts => ({ ok: false, reason, detail });
  const header = readPartsSourceHeader(await deps.staging.readSourcePart(0));
  if (!header) return failed('deltaWrongPair', 'the stored catalogue parts are unreadable');
  if (header.sections.region !== delta.region) return failed('deltaWrongPair', `delta for ${delta.region}, catalogue of ${String(header.sections.region)}`);
  if (header.sections.revision !== delta.fromRevision) return failed('deltaWrongPair', `delta from revision ${delta.fromRevision}, catalogue at ${String(header.sections.revision)}`);
  if (delta.records.services.order) return failed('deltaReordered', 'the delta re-orders the services: the feed in parts is fetched instead');

  // Sections as applyDelta changes them: the same keys in place, new ones last.
  const sections: Record<string, unknown> = { ...header.sections };
  let keys = [...header.keys];
  for (const key of delta.removedSections) {
    delete sections[key];
    keys = keys.filter((name) => name !== key);
  }
  for (const [key, value] of Object.entries(delta.sections)) {
    if ((RECORD_LISTS as readonly string[]).includes(key)) return failed('deltaWrongPair', `delta section "${key}" must travel record by record`);
    if (!keys.includes(key)) keys.push(key);
    sections[key] = value;
  }

  const readPart = async (list: 'organisations' | 'services', at: number): Promise<IdRecord[]> => {
    const text = await deps.staging.readSourcePart(sourcePartAt(header, list, at));
    if (text === null) throw new Error(`stored ${list} part ${at} is gone`);
    return JSON.parse(text) as IdRecord[];
  };

  const staged = deps.staging.stage(revisionId(delta.toRevision, new Date(deps.now()).toISOString()));
  try {
    // Organisations: all in memory (the packer's base), re-split into parts of the usual size.
    let organisations: IdRecord[] = [];
    for (let at = 0; at < header.lists.organisations; at += 1) organisations.push(...(await readPart('organisations', at)));
    organisations = applyList(organisations, delta.records.organisations);
    const organisationTexts = splitRecords(organisations);
    organisations = [];

    const packing = createStagedPacking(staged, { keys, sections }, deps.makePacker);
    const problem = async (result: Awaited<ReturnType<typeof packing.part>>) => (result.ok ? null : failed(result.reason, result.detail));
    for (const text of organisationTexts) {
      const bad = await problem(await packing.part('organisations', text));
      if (bad) return await dropped(staged, bad);
    }

    // Services: one stored part at a time, changed in place; the added ones after the last.
    const changes = delta.records.services;
    const upserts = new Map(changes.upsert.map((record) => [record.id, record as IdRecord]));
    const removed = new Set(changes.remove);
    const seen = new Set<string>();
    let serviceParts = 0;
    const oldParts = header.lists.services;
    for (let at = 0; at < Math.max(oldParts, 1); at += 1) {
      const records: IdRecord[] = [];
      for (const record of at < oldParts ? await readPart('services', at) : []) {
        if (removed.has(record.id)) continue;
        records.push(upserts.get(record.id) ?? record);
        seen.add(record.id);
      }
      if (at === Math.max(oldParts, 1) - 1) for (const record of changes.upsert) if (!seen.has(record.id)) records.push(record as IdRecord);
      if (records.length === 0) continue;
      const bad = await problem(await packing.part('services', JSON.stringify(records)));
      if (bad) return await dropped(staged, bad);
      serviceParts += 1;
    }
    await packing.begin({ organisations: organisationTexts.length, services: serviceParts });
    const finished = await packing.finish();
    if (!finished.ok) return await dropped(staged, failed(finished.reason, finished.detail));
    if (finished.value.sha256 !== delta.sha256) {
      return await dropped(staged, failed('deltaHashMismatch', `SHA-256 ${finished.value.sha256.slice(0, 16)}… ≠ ${delta.sha256.slice(0, 16)}…`));
    }
    const pointer = await staged.commit({ acceptedAt: new Date(deps.now()).toISOString(), etag: null, signerKey }, { shardCount: finished.value.shardCount, sourceParts: finished.value.sourceParts });
    return { ok: true, pointer };
  } catch (error) {
    return dropped(staged, failed('storageFailed', String((error as Error)?.message ?? error)));
  }
}

async function dropped(staged: { abort(): Promise<void> }, result: DeltaOnParts): Promise<DeltaOnParts> {
  await staged.abort().catch(() => undefined);
  return result;
}

/** Records as part texts of about DEFAULT_PART_BYTES (counted in UTF-16 units: close enough for a size). */
function splitRecords(records: IdRecord[]): string[] {
  const texts: string[] = [];
  let pending: string[] = [];
  let size = 0;
  for (const record of records) {
    const text = JSON.stringify(record);
    pending.push(text);
    size += text.length + 1;
    if (size >= DEFAULT_PART_BYTES) {
      texts.push(`[${pending.join(',')}]`);
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) texts.push(`[${pending.join(',')}]`);
  return texts;
}
