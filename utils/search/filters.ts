import type { Area, Audience, Language } from '../catalogue/schema';

/** What the nurse narrows results by. Absent = no restriction. */
export interface SearchFilters {
  /** The client's city: a service serves it if it is local there, region-wide or national. */
  city?: Extract<Area, 'vantaa' | 'kerava'>;
  category?: string;
  audience?: Audience;
  language?: Language;
}

export function hasActiveFilter(filters: SearchFilters): boolean {
  return Boolean(filters.city || filters.category || filters.audience || filters.language);
}
