/**
 * The workbench's HSDS 3.0 API (/hsds) on a real database (PGlite), through Fastify's inject:
 * every answer of every endpoint, for every published service, validates against the official
 * response schemas of the specification's openapi.json (vendored in data/hsds-3.0/schema, with
 * ajv as tests/unit/hsds.test.ts does); paging edges; CORS only here; 404 and 400 as JSON; a
 * draft (edited, not published) is not visible; Accept-Language picks Swedish or English.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hsdsValidators } from '@/utils/cli/hsds-schemas';
import { generateSigningKeyPair, type SigningKeyPair } from '@/utils/sync/signature';
import type { Catalogue } from '@/utils/catalogue/schema';
import { buildApp } from '@/workbench/src/app';
import { importBundledIfEmpty } from '@/workbench/src/bundled-catalogue';
import { openPglite, type Db } from '@/workbench/src/db/db';
import { migrate } from '@/workbench/src/db/migrate';
import { publish } from '@/workbench/src/publishing';
import * as store from '@/workbench/src/store';
import { PEER_GROUPS_DESCRIPTION_SV, PEER_GROUPS_EN, PEER_GROUPS_FI, PEER_GROUPS_SV, withTrilingualServices } from './trilingual-fixture';

const { validatorFor } = hsdsValidators();
const RESPONSE = (path: string) => `openapi.json#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/get/responses/200/content/application~1json/schema`;
const validateMeta = validatorFor(RESPONSE('/'));
const validatePage = validatorFor(RESPONSE('/services'));
const validateService = validatorFor(RESPONSE('/services/{id}'));

const bundled = JSON.parse(readFileSync('data/catalogue.json', 'utf8')) as Catalogue;
const trilingual = withTrilingualServices(bundled).services.filter((service) => !bundled.services.some((other) => other.id === service.id));

function problems(validate: ReturnType<typeof validatorFor>, data: unknown, label: string): string[] {
  return validate(data) ? [] : [`${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`];
}

type Page = { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: Array<Record<string, unknown>> };

describe('the HSDS 3.0 API of the workbench', () => {
  let db: Db;
  let app: FastifyInstance;
  let key: SigningKeyPair;
  let published: number;

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  /** Every service of the API, page by page, as a client would read it. */
  async function allServices(perPage: number, query = '', headers: Record<string, string> = {}): Promise<Page[]> {
    const pages: Page[] = [];
    for (let page = 1; ; page += 1) {
      const response = await get(`/hsds/services?page=${page}&per_page=${perPage}${query}`, headers);
      expect(response.statusCode).toBe(200);
      pages.push(response.json());
      if (pages.at(-1)!.last_page) return pages;
    }
  }

  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
    await importBundledIfEmpty(db);
    for (const service of trilingual) expect((await store.saveRecord(db, 'service', service.id, service, 'test')).ok).toBe(true);
    key = await generateSigningKeyPair();
    published = (await publish(db, { key, actor: 'test' })).services;
    app = await buildApp({ db, key, publicUrl: 'https://opas.example.fi' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('GET /hsds/ says HSDS 3.0 with a profile URL that resolves, valid by the official schema', async () => {
    for (const url of ['/hsds/', '/hsds']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      const meta = response.json();
      expect(problems(validateMeta, meta, url)).toEqual([]);
      expect(meta).toEqual({ version: '3.0', profile: 'https://opas.example.fi/hsds/profile', openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json' });
    }
    const profile = await get('/hsds/profile');
    expect(profile.statusCode).toBe(200);
    expect(Object.keys(profile.json().additional_properties)).toContain('x_translations');
    // The official schema is real: it refuses a profile that is not a URI.
    expect(validateMeta({ version: '3.0', profile: 'not a url' })).toBe(false);
  });

  it('GET /hsds/services pages through every published service; each page validates (list items and full=true)', async () => {
    const pages = await allServices(7);
    expect(pages[0]!.total_items).toBe(published);
    expect(pages).toHaveLength(Math.ceil(published / 7));
    const ids = pages.flatMap((page) => page.contents.map((service) => String(service.id)));
    expect(new Set(ids).size).toBe(published);
    expect(pages.flatMap((page, index) => problems(validatePage, page, `page ${index + 1}`))).toEqual([]);
    pages.forEach((page, index) => {
      expect(page).toMatchObject({ page_number: index + 1, total_pages: pages.length, first_page: index === 0, last_page: index === pages.length - 1, empty: false, size: page.contents.length });
    });
    // A list item has the one-to-one fields and the organization, not the child arrays.
    expect(pages[0]!.contents[0]).toHaveProperty('organization.name');
    expect(pages[0]!.contents[0]).not.toHaveProperty('phones');
    const full = await allServices(100, '&full=true');
    expect(full.flatMap((page, index) => problems(validatePage, page, `full page ${index + 1}`))).toEqual([]);
    expect(full.flatMap((page) => page.contents).filter((service) => Array.isArray(service.phones))).toHaveLength(published);
    // The official page schema is real: a count that is not a number fails it.
    expect(validatePage({ ...pages[0], total_items: '90' })).toBe(false);
  });

  it('GET /hsds/services/{id} answers the full service for every published id, each valid by the official schema', async () => {
    const ids = (await allServices(100)).flatMap((page) => page.contents.map((service) => String(service.id)));
    const failures: string[] = [];
    for (const id of ids) {
      const response = await get(`/hsds/services/${id}`);
      expect(response.statusCode).toBe(200);
      const service = response.json();
      expect(service.id).toBe(id);
      failures.push(...problems(validateService, service, id));
    }
    expect(failures).toEqual([]);
    expect(ids).toHaveLength(published);
  });

  it('paging edges: beyond the last page an empty page, per_page 1 and the maximum, and bad numbers are 400', async () => {
    const beyond = await get('/hsds/services?page=999&per_page=10');
    expect(beyond.statusCode).toBe(200);
    const page = beyond.json() as Page;
    expect(page).toMatchObject({ total_items: published, total_pages: Math.ceil(published / 10), page_number: 999, size: 0, first_page: false, last_page: true, empty: true, contents: [] });
    expect(problems(validatePage, page, 'beyond')).toEqual([]);
    const one = (await get('/hsds/services?per_page=1')).json() as Page;
    expect(one).toMatchObject({ size: 1, total_pages: published, first_page: true, last_page: false });
    const max = (await get('/hsds/services?per_page=100')).json() as Page;
    expect(max.size).toBe(Math.min(100, published));
    const defaults = (await get('/hsds/services')).json() as Page;
    expect(defaults).toMatchObject({ page_number: 1, size: 25 });
    for (const query of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'per_page=0', 'per_page=101', 'modified_after=yesterday', 'organization_id=42', 'taxonomy_id=x', 'format=ndjson']) {
      const response = await get(`/hsds/services?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toEqual(expect.any(String));
    }
  });

  it('search (also as text), organization_id and modified_after filter, and combine with AND', async () => {
    const found = (await get(`/hsds/services?search=${encodeURIComponent('minnessjukdom kervo')}&per_page=100`)).json() as Page;
    expect(found.contents.map((service) => service.name)).toEqual([PEER_GROUPS_FI]);
    const asText = (await get(`/hsds/services?text=${encodeURIComponent('MINNESSJUKDOM Kervo')}`)).json() as Page;
    expect(asText.contents.map((service) => service.name)).toEqual([PEER_GROUPS_FI]);
    const none = (await get('/hsds/services?search=zzzqqq')).json() as Page;
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, empty: true, first_page: true, last_page: true });
    expect(problems(validatePage, none, 'none')).toEqual([]);
    const first = found.contents[0]!;
    const ofOrganisation = (await get(`/hsds/services?organization_id=${String(first.organization_id)}&per_page=100`)).json() as Page;
    expect(ofOrganisation.contents.length).toBeGreaterThan(1);
    expect(ofOrganisation.contents.every((service) => service.organization_id === first.organization_id)).toBe(true);
    const both = (await get(`/hsds/services?organization_id=${String(first.organization_id)}&search=minnessjukdom&per_page=100`)).json() as Page;
    expect(both.total_items).toBeLessThan(ofOrganisation.total_items);
    expect(both.total_items).toBeGreaterThan(0);
    const future = (await get('/hsds/services?modified_after=2999-01-01')).json() as Page;
    expect(future.total_items).toBe(0);
    const past = (await get('/hsds/services?modified_after=2000-01-01T00:00:00Z')).json() as Page;
    expect(past.total_items).toBe(published);
  });

  it('unknown or malformed ids: 404 and 400 as JSON; an unknown path under /hsds is a JSON 404', async () => {
    const unknown = await get('/hsds/services/2b1c7a4e-3f0b-4c3e-9d7a-1a2b3c4d5e6f');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/json/);
    expect(unknown.json().error).toMatch(/no published service/);
    expect(unknown.headers['access-control-allow-origin']).toBe('*');
    const malformed = await get('/hsds/services/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatch(/UUID/);
    const other = await get('/hsds/organizations');
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toMatch(/HSDS endpoint/);
  });

  it('CORS * on /hsds only (and a preflight for If-None-Match), not on the maintainers\' pages or /healthz', async () => {
    const origin = 'https://www.vantaa.fi';
    for (const url of ['/hsds/', '/hsds/services']) expect((await get(url, { origin })).headers['access-control-allow-origin'], url).toBe('*');
    const preflight = await app.inject({ method: 'OPTIONS', url: '/hsds/services', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match, accept-language' } });
    expect(preflight.statusCode).toBeLessThan(300);
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/If-None-Match/i);
    const exposed = (await get('/hsds/services', { origin })).headers['access-control-expose-headers'];
    expect(String(exposed)).toMatch(/ETag/);
    expect(String(exposed)).toMatch(/Content-Language/);
    for (const url of ['/healthz', '/login']) expect((await get(url, { origin })).headers['access-control-allow-origin'], url).toBeUndefined();
  });

  it('caching: an ETag from the revision and language, 304 for a current copy, a new ETag after publishing', async () => {
    const first = await get('/hsds/services?per_page=5');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"r\d+-[0-9a-f]+-hsds-fi"$/);
    expect(first.headers['cache-control']).toMatch(/max-age=/);
    expect(first.headers.vary).toMatch(/Accept-Language/);
    const again = await get('/hsds/services?per_page=5', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const id = String((first.json() as Page).contents[0]!.id);
    expect((await get(`/hsds/services/${id}`, { 'if-none-match': etag })).statusCode).toBe(304);
    const swedish = await get('/hsds/services?per_page=5', { 'accept-language': 'sv', 'if-none-match': etag });
    expect(swedish.statusCode).toBe(200);
    expect(swedish.headers.etag).not.toBe(etag);
  });

  it('Accept-Language: sv puts the Swedish texts in the HSDS fields (Finnish kept in x_translations.fi), Content-Language says so; still valid', async () => {
    const [fiPage] = (await allServices(100, `&search=${encodeURIComponent(PEER_GROUPS_FI)}`)) as [Page];
    const id = String(fiPage.contents[0]!.id);
    const finnish = await get(`/hsds/services/${id}`);
    expect(finnish.headers['content-language']).toBe('fi');
    expect(finnish.json()).toMatchObject({ name: PEER_GROUPS_FI, x_translations: { sv: { name: PEER_GROUPS_SV }, en: { name: PEER_GROUPS_EN } } });
    const response = await get(`/hsds/services/${id}`, { 'accept-language': 'sv-FI, sv;q=0.9, en;q=0.5' });
    expect(response.headers['content-language']).toBe('sv');
    const swedish = response.json();
    expect(swedish.name).toBe(PEER_GROUPS_SV);
    expect(swedish.description).toBe(PEER_GROUPS_DESCRIPTION_SV);
    expect(swedish.x_translations).toEqual({ fi: { name: PEER_GROUPS_FI, description: finnish.json().description }, en: expect.objectContaining({ name: PEER_GROUPS_EN }) });
    expect(swedish.phones[0].description).toBe('Gruppernas ledare');
    expect(swedish.languages.map((language: { name: string }) => language.name)).toContain('svenska');
    expect(problems(validateService, swedish, 'sv')).toEqual([]);
    const english = (await get(`/hsds/services/${id}`, { 'accept-language': 'en' })).json();
    expect(english.name).toBe(PEER_GROUPS_EN);
    // A service with Finnish texts only stays Finnish, and says nothing is replaced.
    const plainId = String((await get('/hsds/services?per_page=1')).json().contents[0].id);
    const plainFi = (await get(`/hsds/services/${plainId}`)).json();
    const plainSv = (await get(`/hsds/services/${plainId}`, { 'accept-language': 'sv' })).json();
    expect(plainSv.name).toBe(plainFi.name);
    expect(plainSv.x_translations?.fi).toBeUndefined();
    const listed = (await allServices(100, '', { 'accept-language': 'sv' })).flatMap((page) => page.contents);
    expect(listed.map((service) => service.name)).toContain(PEER_GROUPS_SV);
    expect(listed.flatMap((service, index) => problems(validateService, service, `sv item ${index}`))).toEqual([]);
  });

  it('serves only what is published: an edited or new record (a draft) is not visible until a maintainer publishes', async () => {
    const before = (await allServices(100)).flatMap((page) => page.contents);
    const target = bundled.services[0]!;
    const stored = (await store.getRecord(db, 'service', target.id))!.data;
    expect((await store.saveRecord(db, 'service', target.id, { ...stored, name: 'Luonnos: uusi nimi' }, 'test')).ok).toBe(true);
    const draftNew = { ...trilingual[0]!, id: 'fixture-luonnos-palvelu', name: 'Luonnospalvelu jota ei ole julkaistu' };
    expect((await store.saveRecord(db, 'service', draftNew.id, draftNew, 'test')).ok).toBe(true);

    const during = (await allServices(100)).flatMap((page) => page.contents);
    expect(during.map((service) => service.name)).toEqual(before.map((service) => service.name));
    expect(during.map((service) => service.name)).not.toContain('Luonnos: uusi nimi');
    expect((await get('/hsds/services?search=Luonnospalvelu')).json().total_items).toBe(0);

    // The same requests see both once they are published: the test above could fail.
    await publish(db, { key, actor: 'test' });
    const after = (await allServices(100)).flatMap((page) => page.contents);
    expect(after.map((service) => service.name)).toContain('Luonnos: uusi nimi');
    expect((await get('/hsds/services?search=Luonnospalvelu')).json().total_items).toBe(1);
  });
});
