import { describe, expect, it } from 'vitest';
import { filterHsdsServices, hsdsPage, serviceListItem } from '@/utils/catalogue/hsds-api';
import { hsdsLanguageFor, localiseHsdsService } from '@/utils/catalogue/hsds-language';

/** The pure parts of the HSDS API (workbench/src/routes/hsds.ts): paging, filters, languages. */
describe('hsdsPage', () => {
  const items = Array.from({ length: 11 }, (_, index) => index);

  it('counts pages from 1; the last page is partial; beyond it an empty page that still counts the whole', () => {
    expect(hsdsPage(items, 1, 5)).toEqual({ total_items: 11, total_pages: 3, page_number: 1, size: 5, first_page: true, last_page: false, empty: false, contents: [0, 1, 2, 3, 4] });
    expect(hsdsPage(items, 3, 5)).toMatchObject({ size: 1, first_page: false, last_page: true, contents: [10] });
    expect(hsdsPage(items, 4, 5)).toMatchObject({ total_items: 11, total_pages: 3, size: 0, last_page: true, empty: true, contents: [] });
    expect(hsdsPage(items, 1, 11)).toMatchObject({ total_pages: 1, first_page: true, last_page: true });
    expect(hsdsPage([], 1, 5)).toMatchObject({ total_items: 0, total_pages: 0, first_page: true, last_page: true, empty: true });
  });

  it('refuses a page or page size below 1 or not whole', () => {
    expect(() => hsdsPage(items, 0, 5)).toThrow(RangeError);
    expect(() => hsdsPage(items, 1, 0)).toThrow(RangeError);
    expect(() => hsdsPage(items, 1.5, 5)).toThrow(RangeError);
  });
});

describe('list items and filters', () => {
  const service = {
    id: 'a',
    organization_id: 'o1',
    name: 'Vertaisryhmä',
    description: 'Omaishoitajille',
    last_modified: '2026-11-01T00:00:00Z',
    phones: [{ id: 'p', number: '040 123 4567' }],
    schedules: [],
    organization: { id: 'o1', name: 'Muistiliitto', description: 'Muistiliitto' },
    x_translations: { sv: { name: 'Kamratgrupp' } },
  };
  const other = { ...service, id: 'b', organization_id: 'o2', name: 'Kriisipuhelin', description: 'Keskusteluapu', last_modified: '2026-12-02T00:00:00Z', organization: { id: 'o2', name: 'MIELI', description: 'MIELI' }, x_translations: undefined };

  it('a list item keeps the one-to-one fields and the organization, not the child arrays', () => {
    expect(serviceListItem(service)).toEqual({ id: 'a', organization_id: 'o1', name: 'Vertaisryhmä', description: 'Omaishoitajille', last_modified: service.last_modified, organization: service.organization, x_translations: service.x_translations });
  });

  it('search looks in every language and the organization, all words, any case; filters combine with AND', () => {
    expect(filterHsdsServices([service, other], { search: 'KAMRATGRUPP' }).map((s) => s.id)).toEqual(['a']);
    expect(filterHsdsServices([service, other], { search: 'muistiliitto omaishoitajille' }).map((s) => s.id)).toEqual(['a']);
    expect(filterHsdsServices([service, other], { search: 'muistiliitto kriisi' })).toEqual([]);
    expect(filterHsdsServices([service, other], { modifiedAfter: new Date('2026-12-01') }).map((s) => s.id)).toEqual(['b']);
    expect(filterHsdsServices([service, other], { organizationId: 'o1', modifiedAfter: new Date('2026-12-01') })).toEqual([]);
    expect(filterHsdsServices([service, other], {})).toHaveLength(2);
  });
});

describe('languages', () => {
  it('Accept-Language: the supported language with the highest weight, Finnish otherwise', () => {
    expect(hsdsLanguageFor(undefined)).toBe('fi');
    expect(hsdsLanguageFor('sv')).toBe('sv');
    expect(hsdsLanguageFor('sv-FI,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(hsdsLanguageFor('de, en;q=0.7, sv;q=0.5')).toBe('en');
    expect(hsdsLanguageFor('en;q=0.2, sv;q=0.9')).toBe('sv');
    expect(hsdsLanguageFor('sv;q=0, en;q=0')).toBe('fi');
    expect(hsdsLanguageFor('de, fr')).toBe('fi');
    expect(hsdsLanguageFor('*')).toBe('fi');
    expect(hsdsLanguageFor('fi, sv')).toBe('fi');
  });

  const service = {
    id: 'a',
    name: 'Vertaisryhmä',
    description: 'Omaishoitajille',
    fees_description: 'Maksuton',
    x_jarjestoopas: { cost: 'free' },
    phones: [{ id: 'p', number: '040', description: 'Ohjaaja', x_translations: { sv: { description: 'Ledare' } } }],
    schedules: [{ id: 's', description: 'ajanvarauksella', attending_type: 'ajanvarauksella' }],
    languages: [{ id: 'l', code: 'sv', name: 'ruotsi' }],
    contacts: [{ id: 'c', department: 'Vertaisryhmä' }],
    organization: { id: 'o', name: 'Muistiliitto', description: 'Muistiliitto', x_translations: { sv: { name: 'Minnesförbundet' } } },
    x_translations: { sv: { name: 'Kamratgrupp' }, en: { name: 'Peer group', description: 'For carers' } },
  };

  it('Finnish is the export unchanged', () => {
    expect(localiseHsdsService(service, 'fi')).toBe(service);
  });

  it('Swedish replaces field by field where the record has it; the Finnish originals move to x_translations.fi', () => {
    const sv = localiseHsdsService(service, 'sv');
    expect(sv).toMatchObject({
      name: 'Kamratgrupp',
      description: 'Omaishoitajille',
      fees_description: 'Avgiftsfri',
      x_translations: { fi: { name: 'Vertaisryhmä' }, en: { name: 'Peer group', description: 'For carers' } },
      phones: [{ description: 'Ledare', x_translations: { fi: { description: 'Ohjaaja' } } }],
      schedules: [{ description: 'med tidsbokning', attending_type: 'med tidsbokning' }],
      languages: [{ name: 'svenska' }],
      contacts: [{ department: 'Kamratgrupp' }],
      organization: { name: 'Minnesförbundet', description: 'Minnesförbundet', x_translations: { fi: { name: 'Muistiliitto', description: 'Muistiliitto' } } },
    });
    expect((sv.x_translations as Record<string, unknown>).sv).toBeUndefined();
    expect(service.name).toBe('Vertaisryhmä'); // the cached export is not changed
  });

  it('English: a record without English texts keeps its Finnish ones and no x_translations.fi', () => {
    const en = localiseHsdsService(service, 'en');
    expect(en).toMatchObject({ name: 'Peer group', description: 'For carers', organization: { name: 'Muistiliitto' } });
    expect((en.organization as { x_translations: Record<string, unknown> }).x_translations.fi).toBeUndefined();
  });
});
