import { describe, expect, it } from 'vitest';
import { exportHsds, importHsds } from '@/utils/catalogue/hsds';
import { hsdsSchemaFiles, hsdsValidators } from '@/utils/cli/hsds-schemas';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { PEER_GROUPS_DESCRIPTION_SV, PEER_GROUPS_EN, PEER_GROUPS_FI, PEER_GROUPS_SV, withTrilingualServices } from './trilingual-fixture';
import { bundledCatalogue } from './helpers';

/**
 * Open Referral HSDS 3.0: every exported service validates against the official schemas
 * (vendored unchanged in data/hsds-3.0/schema; every file loaded so the `$ref`s resolve), and
 * what we export comes back as the same services (round trip).
 */
const { files, validatorFor } = hsdsValidators();

const catalogue = bundledCatalogue();
const exported = exportHsds(catalogue);
const validate = validatorFor('service.json');
const validateCompiled = validatorFor('compiled/service_with_definitions.json');

describe('the vendored HSDS 3.0 schemas', () => {
  it('load from the repository, and a missing folder fails loudly instead of validating nothing', () => {
    expect(files).toContain('service.json');
    expect(files).toContain('compiled/service_with_definitions.json');
    expect(() => hsdsSchemaFiles('data/no-such-hsds-folder')).toThrow(/HSDS 3.0 schemas missing/);
    expect(() => hsdsSchemaFiles('data/hsds-3.0/schema/compiled')).toThrow(/incomplete/);
  });
});

describe('HSDS 3.0 export', () => {
  it('validates every exported service against the official schemas (service.json and the compiled one)', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const check of [validate, validateCompiled]) {
      const problems = exported.flatMap((service) => (check(service) ? [] : [`${String(service.name)}: ${JSON.stringify(check.errors?.slice(0, 3))}`]));
      expect(problems).toEqual([]);
    }
    expect(exported).toHaveLength(catalogue.services.length);
  });

  it('carries Swedish and English texts in x_translations, which the official schemas accept', () => {
    const trilingual = exportHsds(catalogueSchema.parse(withTrilingualServices(catalogue))).find((service) => service.name === PEER_GROUPS_FI)!;
    expect(trilingual.x_translations).toEqual({
      sv: { name: PEER_GROUPS_SV, description: PEER_GROUPS_DESCRIPTION_SV },
      en: { name: PEER_GROUPS_EN, description: expect.stringMatching(/^The groups meet/) },
    });
    const phone = (trilingual.phones as Array<Record<string, unknown>>)[0]!;
    expect(phone.x_translations).toEqual({ sv: { description: 'Gruppernas ledare' }, en: { description: 'Group leader' } });
    const schedule = (trilingual.schedules as Array<Record<string, unknown>>)[0]!;
    expect(schedule.x_translations).toEqual({ sv: { description: 'tisdagar på eftermiddagen' } });
    for (const check of [validate, validateCompiled]) expect(check(trilingual), JSON.stringify(check.errors?.slice(0, 3))).toBe(true);
  });

  it('the validator is real: it refuses a service without status and a phone without number', () => {
    const { status: _status, ...noStatus } = exported[0]!;
    expect(validate(noStatus)).toBe(false);
    const badPhone = { ...exported[0]!, phones: [{ id: (exported[0]! as { id: string }).id }] };
    expect(validate(badPhone)).toBe(false);
    expect(validate({ ...exported[0]!, id: 'not-a-uuid' })).toBe(false);
  });

  it('uses stable UUIDv5 ids, Finnish text in HSDS fields, assured_date = verifiedAt and RFC 5545 schedules', () => {
    const again = exportHsds(catalogue);
    expect(again.map((service) => service.id)).toEqual(exported.map((service) => service.id));
    expect(new Set(exported.map((service) => service.id)).size).toBe(exported.length);
    expect(String(exported[0]!.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const chat = exported.find((service) => service.name === 'Nollalinja-chat') as { schedules: Array<Record<string, string>> };
    expect(chat.schedules.map(({ freq, byday, opens_at, closes_at }) => ({ freq, byday, opens_at, closes_at }))).toEqual([
      { freq: 'WEEKLY', byday: 'MO,TU,WE', opens_at: '09:00', closes_at: '15:00' },
      { freq: 'WEEKLY', byday: 'TH,FR', opens_at: '14:00', closes_at: '20:00' },
    ]);
    const verified = { ...catalogue, services: catalogue.services.map((service, index) => (index === 0 ? { ...service, verifiedAt: '2026-12-03', verifiedBy: 'VAKE', verifiedFields: ['phones' as const] } : service)) };
    expect(exportHsds(verified)[0]!.assured_date).toBe('2026-12-03');
  });
});

describe('HSDS 3.0 import', () => {
  const options = {
    region: catalogue.region,
    revision: catalogue.revision,
    publishedAt: catalogue.publishedAt,
    maintainer: catalogue.maintainer,
    defaultAreas: ['suomi' as const],
    defaultCategory: 'arjen-apu',
  };

  it('reads our export back as the same services and organisations (round trip)', () => {
    const back = importHsds(JSON.parse(JSON.stringify(exported)), options);
    expect(back.services).toEqual(catalogue.services);
    const used = new Set(catalogue.services.map((service) => service.organisationId));
    expect(back.organisations).toEqual(catalogue.organisations.filter((organisation) => used.has(organisation.id)));
  });

  it("reads another system's HSDS service with only the standard fields", () => {
    const foreign = {
      id: '2b1c7a4e-3f0b-4c3e-9d7a-1a2b3c4d5e6f',
      name: 'Perheneuvola',
      description: 'Neuvontaa lapsiperheille arjen pulmiin.',
      status: 'active',
      url: 'https://example.fi/perheneuvola',
      phones: [{ id: 'a8f1c2d3-0000-4000-8000-000000000001', number: '09 123 4567' }],
      schedules: [{ id: 'a8f1c2d3-0000-4000-8000-000000000002', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '15:00' }],
      organization: { id: 'a8f1c2d3-0000-4000-8000-000000000003', name: 'Esimerkin hyvinvointialue', description: 'Hyvinvointialue' },
    };
    expect(validate(foreign)).toBe(true);
    const back = importHsds([foreign], options);
    const service = back.services[0]!;
    expect(service.phones[0]).toEqual({ number: '+35891234567', display: '09 123 4567' });
    expect(service.hours).toMatchObject({ kind: 'weekly', rules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '15:00' }] });
    expect(service.sources).toEqual(['https://example.fi/perheneuvola']);
  });
});
