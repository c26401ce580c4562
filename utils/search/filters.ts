import type { Area, Audience, Language, Service } from '../catalogue/schema';

/** What the nurse narrows results by. Absent = no restriction. */
export interface SearchFilters {
  /** The client's city: a service serves it if it is local there, region-wide or national. */
  city?: Extract<Area, 'vantaa' | 'kerava'>;
  category?: string;
  audience?: Audience;
  language?: Language;
}

const SERVES_EVERY_CITY: readonly Area[] = ['uusimaa', 'suomi'];

export function hasActiveFilter(filters: SearchFilters): boolean {
  return Boolean(filters.city || filters.category || filters.audience || filters.language);
}

export function matchesFilters(service: Service, filters: SearchFilters): boolean {
  if (filters.city && !service.areas.some((area) => area === filters.city || SERVES_EVERY_CITY.includes(area))) {
    return false;
  }
  if (filters.category && !service.categories.includes(filters.category)) return false;
  if (filters.audience && !service.audiences.includes(filters.audience)) return false;
  if (filters.language) {
    // The sources name languages only where a service offers more than Finnish, so a
    // service with no languages listed is taken to work in Finnish.
    const languages = service.languages.length > 0 ? service.languages : ['fi'];
    if (!languages.includes(filters.language)) return false;
  }
  return true;
}
