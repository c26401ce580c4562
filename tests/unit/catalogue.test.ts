import { describe, expect, it } from 'vitest';
import { audiencesOf, importSource, normalisePhone } from '@/utils/catalogue/import-source';
import { formatIssues, parseCatalogue } from '@/utils/catalogue/load';
import { catalogueSchema } from '@/utils/catalogue/schema';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { bundledCatalogue, readJson } from './helpers';

/** The gathered facts the catalogue is built from, in the repository (data/source/README.md). */
const SOURCE_FACTS = 'data/source/organisations.json';

describe('the bundled catalogue', () => {
  it('validates against the schema', () => {
    const result = catalogueSchema.safeParse(readJson('data/catalogue.json'));
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
  });

  it('holds every gathered organisation and every service of those with facts', () => {
    const catalogue = bundledCatalogue();
    // 38 source records, one of them (MIELI's crisis line) the same organisation as MIELI ry.
    expect(catalogue.organisations).toHaveLength(37);
    expect(catalogue.services).toHaveLength(90);
    for (const service of catalogue.services) expect(service.sources.length).toBeGreaterThan(0);
  });

  it('marks every contact as not verified by a person (facts come from public pages)', () => {
    const catalogue = bundledCatalogue();
    expect(catalogue.services.every((service) => service.verifiedAt === null)).toBe(true);
    expect(catalogue.organisations.every((organisation) => organisation.verifiedAt === null)).toBe(true);
  });

  it('stores phone numbers in E.164 with the printed form kept for people', () => {
    const mieli = bundledCatalogue().organisations.find((organisation) => organisation.id === 'mieli-ry')!;
    expect(mieli.phones[0]).toMatchObject({ number: '+358925250111', display: '09 2525 0111' });
  });

  it(
    'is exactly what import-source makes of the source facts in data/source (no hand edits drift)',
    () => {
      const bundled = bundledCatalogue();
      const rebuilt = importSource(readJson(SOURCE_FACTS), readJson('data/curation.json'), {
        revision: bundled.revision,
        publishedAt: bundled.publishedAt,
      });
      expect(rebuilt).toEqual(bundled);
    },
  );
});

describe('validation messages', () => {
  const problemsWith = (change: (catalogue: { services: Array<Record<string, unknown>> }) => void) => {
    const broken = structuredClone(readJson('data/catalogue.json')) as { services: Array<Record<string, unknown>> };
    change(broken);
    const result = parseCatalogue(broken);
    expect(result.success).toBe(false);
    return { lines: result.success ? [] : formatIssues(broken, result.issues), broken };
  };

  it('name the record and the field', () => {
    const { lines, broken } = problemsWith((catalogue) => {
      catalogue.services[2]!.cost = 'maybe';
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^services\\[2\\] "${broken.services[2]!.id as string}": cost: `));
  });

  it('name references to records that do not exist', () => {
    const { lines, broken } = problemsWith((catalogue) => {
      catalogue.services[5]!.organisationId = 'no-such-organisation';
    });
    expect(lines).toEqual([
      `services[5] "${broken.services[5]!.id as string}": organisationId: unknown organisation "no-such-organisation"`,
    ]);
  });

  it('reject hostile strings where a URL or phone number belongs', () => {
    const broken = structuredClone(readJson('data/catalogue.json')) as { organisations: Array<Record<string, unknown>> };
    broken.organisations[0]!.website = 'javascript:alert(1)';
    const result = parseCatalogue(broken);
    expect(result.success).toBe(false);
  });
});

describe('importing source facts', () => {
  it('normalises Finnish numbers and keeps service numbers', () => {
    expect(normalisePhone('010 506 5550')).toBe('+358105065550');
    expect(normalisePhone('0800 900 45')).toBe('+35880090045');
    expect(normalisePhone('116 016')).toBe('116016');
    expect(() => normalisePhone('call us')).toThrow(/neither/);
  });

  it(
    "records a person's confirmation from curation.json on the organisation and its services",
    () => {
      const verified = { at: '2026-11-30', by: 'VAKE järjestöyhteistyö', fields: ['phones', 'hours'] };
      const curation = { ...(readJson('data/curation.json') as object), verified: { 'vantaan-turvakoti': verified } };
      const catalogue = importSource(readJson(SOURCE_FACTS), curation, {
        revision: 2,
        publishedAt: '2026-11-30T10:00:00Z',
      });
      const services = catalogue.services.filter((service) => service.organisationId === 'vantaan-turvakoti');
      expect(services.length).toBeGreaterThan(0);
      expect(services.every((service) => service.verifiedAt === '2026-11-30' && service.verifiedBy === verified.by)).toBe(true);
      expect(services[0]!.verifiedFields).toEqual(['phones', 'hours']);
      expect(catalogue.services.filter((service) => service.verifiedAt !== null)).toHaveLength(services.length);
    },
  );

  it('folds handbook target groups into filterable audiences', () => {
    expect(audiencesOf(['muistisairaiden läheiset', 'ikääntyneet omaishoitajat'])).toEqual(['ikaantyneet', 'laheiset']);
    expect(audiencesOf(['maahanmuuttajataustaiset naiset'])).toEqual(['maahanmuuttajat', 'naiset']);
  });
});

describe('the synonym table', () => {
  it('validates', () => {
    expect(synonymFileSchema.safeParse(readJson('data/synonyms.json')).success).toBe(true);
  });
});
