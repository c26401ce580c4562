import { useEffect, useMemo, useRef, useState } from 'react';
import { loadFirstScreenfulFirst } from '@/utils/search/first-screenful';
import type { SearchFilters } from '@/utils/search/filters';
import { rankServices, type SearchHit, type SearchResult } from '@/utils/search/search';
import type { SearchIndex } from '@/utils/search/search-index';

function withRecords(index: SearchIndex, hits: SearchHit[]): SearchResult[] | undefined {
  const results: SearchResult[] = [];
  for (const { position, score, weak, crisis } of hits) {
    const record = index.records.get(position);
    if (!record) return undefined;
    results.push({ ...record, score, weak, crisis });
  }
  return results;
}

/**
 * Search as she types: ranking is synchronous (the packed index is in memory); the records of
 * the results shown are read shard by shard the first time they are needed, the first
 * screenful's shards first (utils/search/first-screenful.ts): those cards are shown as soon as
 * they are read and the rest join them below. While nothing of the new answer is read, the
 * previous results stay on screen (`pending`), so the list never flashes "no results".
 */
export function useSearchResults(index: SearchIndex, query: string, filters: SearchFilters, limit: number) {
  const hits = useMemo(() => rankServices(index, query, { filters, limit }), [index, query, filters, limit]);
  const ready = useMemo(() => withRecords(index, hits), [index, hits]);
  const [late, setLate] = useState<{ hits: SearchHit[]; results: SearchResult[]; complete: boolean } | null>(null);

  useEffect(() => {
    if (ready) return;
    let current = true;
    void loadFirstScreenfulFirst(index.records, hits, (first) => {
      if (current) setLate({ hits, results: first, complete: false });
    }).then((results) => {
      if (current) setLate({ hits, results, complete: true });
    });
    return () => {
      current = false;
    };
  }, [index, hits, ready]);

  const previous = useRef<SearchResult[]>([]);
  const arrived = ready ?? (late?.hits === hits ? late.results : undefined);
  if (arrived) previous.current = arrived;
  const complete = ready !== undefined || (late?.hits === hits && late.complete);
  // Only the first screenful of this answer is shown yet: its count is not the answer's.
  const partial = arrived !== undefined && !complete;
  return { results: arrived ?? previous.current, pending: !complete, partial };
}
