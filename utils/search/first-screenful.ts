import type { RecordStore } from './compact/records';
import type { SearchHit, SearchResult } from './search';

/**
 * How many results the popup's first screen shows (460 × 600 px: the crisis numbers or a note
 * above and about four cards). Their records are read before the others': a word shared by
 * thousands of services spreads its 30 results over as many record shards (about 1 MB at
 * 10,000 services), and the nurse should not wait for the 26 cards below the fold.
 */
export const FIRST_SCREENFUL = 5;

/**
 * The hits' results whose records are loaded, in ranking order, among the first `upTo` hits.
 * A hit whose record could not be read (a broken shard) is left out, not the whole list.
 */
function resultsWithRecords(records: RecordStore, hits: readonly SearchHit[], upTo = hits.length): SearchResult[] {
  return hits.slice(0, upTo).flatMap(({ position, score, weak, crisis }) => {
    const record = records.get(position);
    return record ? [{ ...record, score, weak, crisis }] : [];
  });
}

/**
 * Reads the records of the hits, the first screenful first: `onFirstScreenful` gets those
 * results as soon as their shards are read (only when more are still to come), and the promise
 * resolves with all of them. A shard that cannot be read never rejects the promise: its results
 * are left out.
 */
export async function loadFirstScreenfulFirst(
  records: RecordStore,
  hits: readonly SearchHit[],
  onFirstScreenful: (results: SearchResult[]) => void,
  firstScreenful = FIRST_SCREENFUL,
): Promise<SearchResult[]> {
  const positions = hits.map((hit) => hit.position);
  if (hits.length > firstScreenful) {
    await records.load(positions.slice(0, firstScreenful)).catch(() => undefined);
    onFirstScreenful(resultsWithRecords(records, hits, firstScreenful));
  }
  await records.load(positions).catch(() => undefined);
  return resultsWithRecords(records, hits);
}
