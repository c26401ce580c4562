import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from '@/utils/reports/delivery';
import { resolveReportEndpoint } from '@/utils/reports/endpoint';
import { containsPersonalIdentityCode, findPersonalIdentityCodes } from '@/utils/reports/guard';
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from '@/utils/reports/json-schema';
import { reportEmailBody, reportMailto, reportSubject } from '@/utils/reports/mailto';
import { reportDraftSchema } from '@/utils/reports/draft';
import { parseOutbox, reportSchema } from '@/utils/reports/schema';
import { readReportSettings } from '@/utils/reports/settings';
import { bundledCatalogue, ROOT } from './helpers';
import { REPORT, VALID_CODES } from './reports-fixtures';

const report = REPORT;

describe('report format', () => {
  const fileSchema = JSON.parse(readFileSync(resolve(ROOT, REPORT_JSON_SCHEMA_PATH), 'utf8')) as object;
  const validate = new Ajv2020({ validateFormats: false }).compile(fileSchema);

  it('the JSON Schema file is generated from the zod schema (run `npm run report-schema`)', () => {
    expect(fileSchema).toEqual(reportJsonSchema());
  });

  it('a zod-valid report validates against the JSON Schema file, with and without optional fields', () => {
    expect(reportSchema.parse(report)).toEqual(report);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const { suggestion: _s, comment: _c, ...minimal } = report;
    expect(validate(minimal)).toBe(true);
  });

  it('both refuse what is not a report: unknown fields, a wrong kind of problem, a missing id', () => {
    for (const bad of [{ ...report, nurse: 'Anna' }, { ...report, field: 'mood' }, { ...report, id: 'x' }, { ...report, catalogueRevision: -1 }]) {
      expect(reportSchema.safeParse(bad).success).toBe(false);
      expect(validate(bad)).toBe(false);
    }
  });

  it("the documented example report is valid (docs/reports-endpoint.md)", () => {
    const section = readFileSync(resolve(ROOT, 'docs/reports-endpoint.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(example).toBeDefined();
    expect(reportSchema.safeParse(JSON.parse(example!)).success).toBe(true);
    expect(validate(JSON.parse(example!))).toBe(true);
  });

  it('every service of the bundled catalogue can be reported (ids and names fit the format)', () => {
    const catalogue = bundledCatalogue();
    const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
    for (const service of catalogue.services) {
      const organisation = organisations.get(service.organisationId)!;
      const parsed = reportDraftSchema.safeParse({
        region: catalogue.region,
        catalogueRevision: catalogue.revision,
        serviceId: service.id,
        serviceName: service.name,
        organisationId: organisation.id,
        organisationName: organisation.name,
        field: 'other',
        maintainer: { email: catalogue.maintainer.email },
      });
      expect(parsed.success, service.id).toBe(true);
    }
  });

  it('stored outbox entries that no longer parse are dropped one by one', () => {
    const good = { report, maintainer: { email: 'a@b.fi' }, attempts: 0, state: { status: 'pending', nextAttemptAt: 1 }, followUp: null };
    expect(parseOutbox([good, { ...good, state: { status: 'lost' } }, 'junk'])).toEqual([good]);
    expect(parseOutbox('junk')).toEqual([]);
  });
});

describe('henkilötunnus guard', () => {
  it.each(Object.entries(VALID_CODES))('finds a valid code with century sign %s in free text', (_sign, code) => {
    expect(findPersonalIdentityCodes(`Asiakas ${code} soitti, numero ei toimi`)).toEqual([code]);
    expect(containsPersonalIdentityCode(code)).toBe(true);
  });

  it('finds a code typed in lower case or next to punctuation', () => {
    expect(containsPersonalIdentityCode('hetu: 010594y9021.')).toBe(true);
    expect(containsPersonalIdentityCode('(150105A123R)')).toBe(true);
  });

  it('accepts lookalikes whose checksum or date is wrong, and ordinary contact text', () => {
    expect(containsPersonalIdentityCode('010594-9022')).toBe(false); // checksum off by one
    expect(containsPersonalIdentityCode('150105A123S')).toBe(false);
    expect(containsPersonalIdentityCode('320594-9021')).toBe(false); // no 32nd day
    expect(containsPersonalIdentityCode('Uusi numero 09 1234 5678, avoinna ma–pe 9–15, Y-tunnus 1234567-8')).toBe(false);
    expect(containsPersonalIdentityCode('tilaus 12010594-90210')).toBe(false); // part of a longer number
  });
});

describe('report endpoint', () => {
  it('policy beats the options page, which beats the catalogue, which beats the build default', () => {
    const all = { policy: 'https://policy.fi/r', settings: 'https://settings.fi/r', catalogue: 'https://feed.fi/r', build: 'https://build.fi/r' };
    expect(resolveReportEndpoint(all)).toEqual({ url: 'https://policy.fi/r', source: 'policy' });
    expect(resolveReportEndpoint({ ...all, policy: undefined })?.source).toBe('settings');
    expect(resolveReportEndpoint({ catalogue: all.catalogue, build: all.build })?.source).toBe('catalogue');
    expect(resolveReportEndpoint({ build: all.build })?.source).toBe('build');
    expect(resolveReportEndpoint({})).toBeNull();
  });

  it('skips values that are not http(s) URLs', () => {
    expect(resolveReportEndpoint({ policy: 'javascript:alert(1)', settings: '', build: 'https://build.fi/r' })?.source).toBe('build');
    expect(readReportSettings({ reportUrl: 'file:///etc/passwd' })).toEqual({});
    expect(readReportSettings({ reportUrl: 'http://127.0.0.1:8080/r' })).toEqual({ reportUrl: 'http://127.0.0.1:8080/r' });
    expect(readReportSettings('junk')).toEqual({});
  });
});

describe('back-off', () => {
  it('doubles from about a minute, with jitter in the upper half, capped at six hours', () => {
    expect(backoffDelay(1, 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(1, 0.999)).toBeLessThanOrEqual(BACKOFF_BASE_MS);
    expect(backoffDelay(3, 0)).toBe(2 * BACKOFF_BASE_MS);
    expect(backoffDelay(4, 0.5)).toBe(6 * BACKOFF_BASE_MS);
    expect(backoffDelay(40, 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(backoffDelay(40, 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('e-mail fallback', () => {
  it('is a mailto: to the maintainer with the same report, readable and as JSON', () => {
    const link = reportMailto(report, 'jarjestoyhteistyo@vakehyva.fi');
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('jarjestoyhteistyo@vakehyva.fi');
    const subject = decodeURIComponent(/[?&]subject=([^&]*)/.exec(link)![1]!);
    const body = decodeURIComponent(/[?&]body=([^&]*)/.exec(link)![1]!);
    expect(subject).toBe(reportSubject(report));
    expect(subject).toContain('Omaishoitajien vertaistukiryhmät');
    expect(body).toBe(reportEmailBody(report));
    expect(body).toContain('Mikä on vialla: puhelinnumero');
    expect(body).toContain('Korjattu tieto: 09 1234 5678');
    expect(body).toContain('Kommentti: Numero ei vastaa & ryhmä siirtyi?');
    const json = body.split('\r\n').at(-1)!;
    expect(reportSchema.parse(JSON.parse(json))).toEqual(report);
    // A "&" or "?" in the nurse's comment must not end the body early.
    expect(link.match(/&/g)).toHaveLength(1);
  });
});
