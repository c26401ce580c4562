/**
 * Issue 20 item 4 in the workbench, against PGlite and a real PostgreSQL server: the intake takes
 * missing-service reports (once per Idempotency-Key, no henkilötunnus), "Puuttuvat palvelut"
 * groups them by words and by guessed concept with counts, newest first, paged; a maintainer's
 * term or keyword is stored with an audit row and travels in the next signed feed, which the
 * extension's own feed checks accept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseCatalogue } from '@/utils/catalogue/load';
import type { SigningKeyPair } from '@/utils/sync/signature';
import { acceptFeed } from '@/utils/sync/accept-feed';
import { buildApp } from '@/workbench/src/app';
import type { Db } from '@/workbench/src/db/db';
import { publish } from '@/workbench/src/publishing';
import { MISSING_PAGE_SIZE } from '@/workbench/src/routes/missing-services';
import * as store from '@/workbench/src/store';
import { EMAIL, onPgliteAndPostgres, ORIGIN, PASSWORD, PUBLIC_URL, seededDb, signIn as signInAs } from '../workbench/harness';


let counter = 0;
function missing(words: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    schemaVersion: 1,
    kind: 'missing-service',
    id: `7a2c1a52-3b0e-4b6c-9a55-${String(counter).padStart(12, '0')}`,
    createdAt: '2026-12-03T08:00:00+02:00',
    region: 'vake',
    catalogueRevision: 2,
    words,
    language: 'fi',
    guessedConcepts: [],
    filters: {},
    extensionVersion: '0.1.0',
    ...overrides,
  };
}

/** Signs in and reads the CSRF token from the page under test. */
const signIn = (app: FastifyInstance) => signInAs(app, { email: EMAIL, password: PASSWORD }, '/missing-services');

function suite(name: string, open: () => Promise<Db>) {
  describe(`missing services on ${name}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let key: SigningKeyPair;
    let session: { cookie: string; csrf: string };
    let clock = Date.parse('2026-12-03T10:00:00Z');
    const post = (body: Record<string, unknown>, idempotencyKey = String(body.id)) =>
      app.inject({ method: 'POST', url: '/api/reports', headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, origin: ORIGIN }, payload: JSON.stringify(body) });
    const form = (url: string, payload: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ...payload } });

    beforeAll(async () => {
      ({ db, key } = await seededDb({ open }));
      app = await buildApp({ db, key, publicUrl: PUBLIC_URL, now: () => new Date(clock), intakeRateLimit: { max: 500, timeWindow: 60_000 } });
      session = await signIn(app);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('intake: stores a missing-service report once per Idempotency-Key; a henkilötunnus in the words is refused', async () => {
      const body = missing('Lumenluonti, pihatyöt', { guessedConcepts: ['everyday-help'] });
      const created = await post(body);
      expect(created.statusCode).toBe(201);
      // Words for the vocabulary, not a question about one service: no status token to hear back with.
      expect(created.json()).toEqual({ id: body.id });
      expect(created.headers['cache-control']).toBe('no-store');
      expect((await app.inject({ url: `/api/reports/${body.id}/status`, headers: { authorization: `Bearer ${'a'.repeat(43)}`, origin: ORIGIN } })).statusCode).toBe(404);
      expect((await post(body)).statusCode).toBe(200);
      const refused = await post(missing('asunto 010594Y9021'));
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatch(/henkilötunnus/);
      const invalid = await post({ ...missing('x'), language: 'de' });
      expect(invalid.statusCode).toBe(400);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM missing_service_reports');
      expect(Number(rows[0]!.n)).toBe(1);
      // Stale-contact reports are untouched by the new kind.
      expect(await store.countReports(db)).toBe(0);
    });

    it('groups by normalised words and by guessed concept, with counts, newest group first', async () => {
      await post(missing('pihatyöt lumenluonti', { guessedConcepts: ['everyday-help'] }));
      await post(missing('PIHATYÖT ja lumenluonti!', { language: 'sv', guessedConcepts: ['everyday-help', 'elderly'] }));
      await post(missing('kirjekyyhkyt', { createdAt: '2026-12-03T09:00:00+02:00' }));
      const byWords = await store.listMissingGroups(db, 'words', 1, 10);
      expect(byWords.totalReports).toBe(4);
      expect(byWords.groups.map((group) => [group.key, group.count])).toEqual([
        ['kirjekyyhkyt', 1],
        ['lumenluonti pihatyöt', 3],
      ]);
      expect(byWords.groups[1]!.concepts).toEqual(['everyday-help', 'elderly']);
      expect(byWords.groups[1]!.languages).toEqual(['fi', 'sv']);
      const byConcept = await store.listMissingGroups(db, 'concept', 1, 10);
      expect(Object.fromEntries(byConcept.groups.map((group) => [group.key, group.count]))).toEqual({ '': 1, 'everyday-help': 3, elderly: 1 });
      const page = await app.inject({ url: '/missing-services?by=words', headers: { cookie: session.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Puuttuvat palvelut');
      expect(page.body.match(/data-testid="missing-group"/g)).toHaveLength(2);
      expect(page.body).toContain('3 ilmoitusta');
    });

    it('pages through many groups (each page at most the page size)', async () => {
      for (let index = 0; index < MISSING_PAGE_SIZE + 3; index += 1) await post(missing(`harvinainen tarve ${index}`));
      const first = await store.listMissingGroups(db, 'words', 1, MISSING_PAGE_SIZE);
      const second = await store.listMissingGroups(db, 'words', 2, MISSING_PAGE_SIZE);
      expect(first.groups).toHaveLength(MISSING_PAGE_SIZE);
      expect(second.groups).toHaveLength(first.totalGroups - MISSING_PAGE_SIZE);
      expect(new Set([...first.groups, ...second.groups].map((group) => group.key)).size).toBe(first.totalGroups);
      const html = await app.inject({ url: '/missing-services?by=words&page=2', headers: { cookie: session.cookie } });
      expect(html.body).toContain('Sivu 2 / 2');
    });

    it('a term added to a concept: audit-logged with the organisation as source, the group handled, in the next signed feed', async () => {
      const refused = await form('/missing-services/terms', { concept: 'no-such-need', language: 'fi', term: 'lumenluonti', by: 'words', group: 'lumenluonti pihatyöt' });
      expect(refused.statusCode).toBe(422);
      const hetu = await form('/missing-services/terms', { concept: 'everyday-help', language: 'fi', term: '010594Y9021', by: 'words', group: 'x' });
      expect(hetu.statusCode).toBe(422);
      const added = await form('/missing-services/terms', { concept: 'everyday-help', language: 'fi', term: 'lumenluonti', by: 'words', group: 'lumenluonti pihatyöt' });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe('/missing-services?by=words&added=term&resolved=3');
      expect((await store.listMissingGroups(db, 'words', 1, 100)).groups.map((group) => group.key)).not.toContain('lumenluonti pihatyöt');
      // A repeat adds nothing.
      await form('/missing-services/terms', { concept: 'everyday-help', language: 'fi', term: 'Lumenluonti', by: 'words', group: '' });
      const [history] = await store.auditHistory(db, { kind: 'vocabulary' });
      expect(history).toMatchObject({ actor: EMAIL, action: 'add-term', recordId: 'everyday-help' });
      const header = await store.readHeader(db);
      expect((history!.after as { source: string }).source).toBe(header.maintainer.name);

      const service = (await store.listRecords(db, 'service'))[0]!.id;
      expect((await form('/missing-services/keywords', { service: 'ei-ole', keyword: 'kirjekyyhkyt', by: 'words', group: 'kirjekyyhkyt' })).statusCode).toBe(422);
      const keyword = await form('/missing-services/keywords', { service, keyword: 'kirjekyyhkyt', by: 'words', group: 'kirjekyyhkyt' });
      expect(keyword.headers.location).toBe('/missing-services?by=words&added=keyword&resolved=1');

      const before = (await store.listFeeds(db))[0]!.revision;
      await publish(db, { key, actor: EMAIL });
      const feed = await app.inject('/feed/catalogue.json');
      const signature = await app.inject('/feed/catalogue.json.sig');
      const published = JSON.parse(feed.body);
      expect(published.revision).toBe(before + 1);
      expect(published.vocabulary).toEqual({
        terms: [{ concept: 'everyday-help', language: 'fi', text: 'lumenluonti', source: header.maintainer.name }],
        serviceKeywords: [{ service, keyword: 'kirjekyyhkyt', source: header.maintainer.name }],
      });
      expect(parseCatalogue(published).success).toBe(true);
      const verdict = await acceptFeed(new Uint8Array(feed.rawPayload), signature.body, [key.publicKey], { region: published.region, revision: before });
      expect(verdict.kind).toBe('accepted');
      clock += 1000;
    });

    it('with WORKBENCH_VERIFIED_BY set, the feed names that organisation as the source of an added word, as it does for verifiedBy', async () => {
      const organisation = 'Vantaan ja Keravan hyvinvointialue';
      const configured = await buildApp({ db, key, publicUrl: PUBLIC_URL, verifiedBy: organisation });
      try {
        const other = await signIn(configured);
        const service = (await store.listRecords(db, 'service'))[1]!.id;
        const added = await configured.inject({ method: 'POST', url: '/missing-services/keywords', headers: { cookie: other.cookie }, payload: { _csrf: other.csrf, service, keyword: 'talkooapu', by: 'words', group: '' } });
        expect(added.statusCode).toBe(303);
        expect((await store.feedVocabulary(db))!.serviceKeywords).toContainEqual({ service, keyword: 'talkooapu', source: organisation });
      } finally {
        await configured.close();
      }
    });
  });
}

onPgliteAndPostgres(suite, 'wbm');
