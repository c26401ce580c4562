/**
 * The HSDS 3.0 API's answers, pure (docs/hsds.md, "API"): the `/` metadata, `Page` of services
 * (the `Page` schema of the specification's openapi.json: 1-based `page_number`, `size` = items on
 * this page), the list item (a service's one-to-one fields and its organization, no child arrays,
 * as the API reference advises) and the filters `/services` takes. The services themselves come
 * from exportHsds (./hsds.ts); languages from ./hsds-language.ts.
 */

export type HsdsJson = Record<string, unknown>;

export const HSDS_API_VERSION = '3.0';
/** A page holds at most this many services: a bigger `per_page` is refused, not silently cut. */
export const HSDS_MAX_PER_PAGE = 100;
export const HSDS_DEFAULT_PER_PAGE = 25;

export interface HsdsApiMeta {
  version: string;
  profile: string;
  openapi_url?: string;
}

export function hsdsApiMeta(profile: string, openapiUrl?: string): HsdsApiMeta {
  return { version: HSDS_API_VERSION, profile, ...(openapiUrl ? { openapi_url: openapiUrl } : {}) };
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** One page of `items`; a page beyond the last is an empty page (not an error), still counting the whole. */
export function hsdsPage<T>(items: readonly T[], page: number, perPage: number): HsdsPage<T> {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be an integer from 1, not ${page}`);
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`per_page must be an integer from 1, not ${perPage}`);
  const contents = items.slice((page - 1) * perPage, page * perPage);
  const totalPages = Math.ceil(items.length / perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** The arrays of child objects a full service has and a list item leaves out (`full=true` keeps them). */
const CHILD_ARRAYS = ['phones', 'schedules', 'service_areas', 'service_at_locations', 'languages', 'funding', 'cost_options', 'required_documents', 'contacts', 'attributes', 'metadata'];

export function serviceListItem(service: HsdsJson): HsdsJson {
  return Object.fromEntries(Object.entries(service).filter(([key]) => !CHILD_ARRAYS.includes(key)));
}

export interface HsdsServiceFilter {
  /** Words that must all occur (any case) in the service's or its organization's names and descriptions, in any language. */
  search?: string;
  /** Only services whose `last_modified` is at or after this moment. */
  modifiedAfter?: Date;
  organizationId?: string;
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('fi');

/** The texts a search looks in: names and descriptions, Finnish and every `x_translations` language. */
function searchableText(service: HsdsJson): string {
  const texts: string[] = [];
  const collect = (record: unknown) => {
    if (!record || typeof record !== 'object') return;
    const object = record as HsdsJson;
    for (const key of ['name', 'alternate_name', 'description']) if (typeof object[key] === 'string') texts.push(object[key]);
    const translations = object.x_translations;
    if (translations && typeof translations === 'object') {
      for (const entry of Object.values(translations as HsdsJson)) {
        if (entry && typeof entry === 'object') for (const value of Object.values(entry as HsdsJson)) if (typeof value === 'string') texts.push(value);
      }
    }
  };
  collect(service);
  collect(service.organization);
  return fold(texts.join('\n'));
}

export function filterHsdsServices(services: readonly HsdsJson[], filter: HsdsServiceFilter): HsdsJson[] {
  const words = filter.search ? fold(filter.search).split(/\s+/).filter(Boolean) : [];
  const after = filter.modifiedAfter?.getTime();
  return services.filter((service) => {
    if (filter.organizationId !== undefined && service.organization_id !== filter.organizationId) return false;
    if (after !== undefined) {
      const modified = Date.parse(String(service.last_modified ?? ''));
      if (!(modified >= after)) return false;
    }
    if (words.length > 0) {
      const haystack = searchableText(service);
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** The API our endpoints follow: the specification's own OpenAPI document (3.0 branch). */
export const HSDS_OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

/**
 * What `profile` (in `/`) resolves to: HSDS 3.0 unchanged plus documented extra properties,
 * which HSDS allows ("Extending HSDS"); no formal Profile, so this says what the extras mean.
 */
export const HSDS_PROFILE_DESCRIPTION = {
  title: 'Järjestöopas HSDS 3.0 API',
  base: { specification: 'Human Services Data Specification', version: HSDS_API_VERSION, documentation: 'https://docs.openreferral.org/en/latest/hsds/', openapi_url: HSDS_OPENAPI_URL },
  profile: 'none: HSDS 3.0 with additional properties, all prefixed x_',
  languages: {
    default: 'fi',
    available: ['fi', 'sv', 'en'],
    negotiation:
      'Send Accept-Language: sv (or en) to get that language in name/description where the record has it; Content-Language names the language chosen. Replaced Finnish texts are in x_translations.fi; a text without an entry there is Finnish.',
  },
  additional_properties: {
    x_translations: 'On services, organizations, phones and schedules: {sv?, en?} (or {fi?, …} after language negotiation) each {name?, description?}.',
    x_jarjestoopas: 'On services and organizations: our own id and the facts HSDS has no field for (categories, audiences, areas, channels, keywords, cost, referral, sources, verifiedBy, verifiedFields, crisisHelp).',
    x_kind: 'On schedules: weekly, always, appointment, text or exception.',
    x_holidays: 'On schedules: closed or open on Finnish public holidays.',
    x_closed: 'On exception schedules: closed that day.',
    x_phone_id: 'On schedules: the phone (id) whose hours these are; absent for the service\'s own hours.',
    x_timezone: 'On schedules: Europe/Helsinki; opens_at/closes_at are Helsinki wall time.',
  },
} as const;
