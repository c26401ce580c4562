import { useEffect, useMemo, useRef, useState } from 'react';
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
 * the results shown are read shard by shard the first time they are needed. While they load,
 * the previous results stay on screen (`pending`), so the list never flashes "no results".
 */
export function useSearchResults(index: SearchIndex, query: string, filters: SearchFilters, limit: number) {
  const hits = useMemo(() => rankServices(index, query, { filters, limit }), [index, query, filters, limit]);
  const ready = useMemo(() => withRecords(index, hits), [index, hits]);
  const [late, setLate] = useState<{ hits: SearchHit[]; results: SearchResult[] } | null>(null);

  useEffect(() => {
    if (ready) return;
    let current = true;
    const settle = () => {
      if (!current) return;
      // A shard that could not be read leaves its results out rather than the whole list.
      const shown = hits.flatMap(({ position, score, weak, crisis }) => {
        const record = index.records.get(position);
        return record ? [{ ...record, score, weak, crisis }] : [];
      });
      setLate({ hits, results: shown });
    };
    index.records.load(hits.map((hit) => hit.position)).then(settle, settle);
    return () => {
      current = false;
    };
  }, [index, hits, ready]);

  const previous = useRef<SearchResult[]>([]);
  const arrived = ready ?? (late?.hits === hits ? late.results : undefined);
  if (arrived) previous.current = arrived;
  return { results: arrived ?? previous.current, pending: arrived === undefined };
}
