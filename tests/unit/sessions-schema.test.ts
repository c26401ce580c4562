/**
 * Sites and info sessions in the catalogue schema: additive (older catalogues and feeds stay
 * valid), every reference checked, and the production catalogue ships no example schedule.
 */
import { describe, expect, it } from 'vitest';
import { formatIssues, parseCatalogue } from '@/utils/catalogue/load';
import { bundledCatalogue, readJson } from './helpers';
import { catalogueWith, session } from './sessions-fixtures';

const problems = (data: unknown) => {
  const result = parseCatalogue(data);
  return result.success ? [] : formatIssues(result.data, result.issues);
};

describe('sites and info sessions in the catalogue', () => {
  it('the bundled catalogue has the VAKE sites and no sessions (the example sheet is demo only)', () => {
    const catalogue = bundledCatalogue();
    expect(catalogue.sites.map((site) => site.id)).toEqual(
      expect.arrayContaining(['myyrmaki-terveysasema', 'tikkurila-terveysasema', 'korso-terveysasema', 'peijas-olka', 'kela-tikkurila', 'teams-ammattilaiset']),
    );
    expect(catalogue.infoSessions).toEqual([]);
  });

  it('a catalogue written before sites and sessions existed is still valid, with both empty', () => {
    const old = structuredClone(readJson('data/catalogue.json')) as Record<string, unknown>;
    delete old.sites;
    delete old.infoSessions;
    const result = parseCatalogue(old);
    expect(result.success && [result.catalogue.sites, result.catalogue.infoSessions]).toEqual([[], []]);
  });

  it('accepts a well-formed session and fills in "not cancelled"', () => {
    const good = catalogueWith(session('s1', 'korso-terveysasema', '2026-11-26T10:00:00+02:00', '2026-11-26T11:00:00+02:00'));
    const { cancelled: _, ...withoutFlag } = good.infoSessions[0]!;
    const result = parseCatalogue({ ...good, infoSessions: [withoutFlag] });
    expect(result.success && result.catalogue.infoSessions[0]!.cancelled).toBe(false);
  });

  it.each([
    ['an unknown site', { siteId: 'hakunila' }, 'infoSessions[0] "s1": siteId: unknown site "hakunila"'],
    ['an unknown organisation', { organisationIds: ['mieli-ry', 'nobody'] }, 'infoSessions[0] "s1": organisationIds[1]: unknown organisation "nobody"'],
    ['an end before the start', { end: '2026-11-26T09:00:00+02:00' }, 'infoSessions[0] "s1": end: end 2026-11-26T09:00:00+02:00 is not after start 2026-11-26T10:00:00+02:00'],
    ['a time without an offset', { start: '2026-11-26T10:00:00' }, 'infoSessions[0] "s1": start:'],
    ['an audience outside the list', { audience: 'everyone' }, 'infoSessions[0] "s1": audience:'],
    ['a meeting link that is not a web address', { online: { url: 'javascript:alert(1)' } }, 'infoSessions[0] "s1": online.url:'],
  ] as Array<[string, Record<string, unknown>, string]>)('rejects %s, naming the session and the field', (_, change, expected) => {
    const good = catalogueWith(session('s1', 'korso-terveysasema', '2026-11-26T10:00:00+02:00', '2026-11-26T11:00:00+02:00'));
    // Deliberately ill-typed data, as a hand-edited file or a feed could hold.
    const broken = { ...good, infoSessions: [{ ...good.infoSessions[0], ...change }] };
    expect(problems(broken)[0]).toContain(expected);
  });

  it('rejects duplicate site and session ids', () => {
    const catalogue = bundledCatalogue();
    const twice = session('s1', 'korso-terveysasema', '2026-11-26T10:00:00+02:00', '2026-11-26T11:00:00+02:00');
    expect(problems({ ...catalogue, sites: [...catalogue.sites, catalogue.sites[0]], infoSessions: [twice, twice] })).toEqual([
      expect.stringContaining('duplicate site id'),
      expect.stringContaining('duplicate session id "s1"'),
    ]);
  });
});
