/**
 * The security audit's findings (issue 19, item 7), each probed the way the audit did: against
 * the workbench's whole HTTP stack (Fastify inject) on embedded PGlite, or through its command
 * line on a data folder. Each of these tests failed before its fix (docs/workbench.md, Security).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { endpointUrlSchema } from '@/utils/net/endpoint-url';
import { generateSigningKeyPair, signBytes, verifyDetached, type SigningKeyPair } from '@/utils/sync/signature';
import { buildApp, type AppOptions } from '@/workbench/src/app';
import { importBundledIfEmpty } from '@/workbench/src/bundled-catalogue';
import { main } from '@/workbench/src/cli';
import { loadConfig } from '@/workbench/src/config';
import { openPglite, type Db, type Row } from '@/workbench/src/db/db';
import { listMigrations, migrate } from '@/workbench/src/db/migrate';
import { safeReturn } from '@/workbench/src/forms/safe-return';
import { hashPassword } from '@/workbench/src/passwords';
import { publish } from '@/workbench/src/publishing';
import { loadOrCreateKey } from '@/workbench/src/signing-key';
import * as store from '@/workbench/src/store';
import { UsageError } from '@/workbench/src/usage-error';
import { openWorkbenchDb } from '@/workbench/src/workbench-db';
import { catalogue, ORGANISATION, PASSWORD, postReport, PUBLIC_URL, reportBuilder, SERVICE, seededDb, signIn as signInAs } from '../workbench/harness';

const EMAIL = 'anna.auditoitava@example.fi';
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const report = reportBuilder('7a2c1a52-3b0e-4b6c-9a55-');
const signIn = (app: FastifyInstance) => signInAs(app, { email: EMAIL, password: PASSWORD });
/** A migrated, imported, published database with one maintainer. */
const freshDb = () => seededDb({ email: EMAIL });

/** The contact form of the first service as the editor sends it. */
const serviceForm = (csrf: string, phone: { number: string; display: string }) => ({
  _csrf: csrf,
  returnTo: `/records/service/${SERVICE.id}`,
  'phones.0.number': phone.number,
  'phones.0.display': phone.display,
  'phones.0.label': '',
  email: '',
  website: '',
  hours: '',
});
const formPayload = (form: Record<string, string>, extra = '') => `${new URLSearchParams(form)}${extra}`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jo-wb-audit-'));
  dirs.push(dir);
  return dir;
};

describe('workbench security audit', () => {
  let db: Db;
  let key: SigningKeyPair;
  const apps: FastifyInstance[] = [];
  const app = async (options: Partial<AppOptions> = {}) => {
    const built = await buildApp({ db, key, publicUrl: PUBLIC_URL, ...options });
    apps.push(built);
    return built;
  };

  beforeAll(async () => {
    ({ db, key } = await freshDb());
  }, 60_000);
  afterAll(async () => {
    for (const built of apps) await built.close();
    await db?.close();
  });

  describe('M1: behind a reverse proxy only its hop is trusted', () => {
    const proxied = (headers: Record<string, string>) => ({ remoteAddress: '10.0.0.2', headers });

    it('15 wrong passwords with a different spoofed X-Forwarded-For each end in 429; another real client is not held up', async () => {
      const { trustProxy } = loadConfig({}, { WORKBENCH_TRUST_PROXY: '1' });
      const server = await app({ trustProxy });
      const codes: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        // The proxy appends the address it saw; everything left of it is what the client sent.
        const response = await server.inject({ method: 'POST', url: '/login', ...proxied({ 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` }), payload: { email: EMAIL, password: 'väärä' } });
        codes.push(response.statusCode);
      }
      expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(codes.slice(10)).toEqual(Array(5).fill(429));
      const other = await server.inject({ method: 'POST', url: '/login', ...proxied({ 'x-forwarded-for': '198.51.100.8' }), payload: { email: EMAIL, password: 'väärä' } });
      expect(other.statusCode).toBe(401);
    });

    it('an intake flood with spoofed X-Forwarded-For headers hits its limit', async () => {
      const { trustProxy } = loadConfig({}, { WORKBENCH_TRUST_PROXY: '1' });
      const server = await app({ trustProxy, intakeRateLimit: { max: 60, timeWindow: 60_000 } });
      const codes: number[] = [];
      for (let i = 0; i < 90; i += 1) {
        const response = await server.inject({
          method: 'POST',
          url: '/api/reports',
          ...proxied({ 'x-forwarded-for': `203.0.113.${i}, 198.51.100.9`, 'content-type': 'application/json', 'idempotency-key': 'k' }),
          payload: '{}',
        });
        codes.push(response.statusCode);
      }
      expect(codes.filter((code) => code === 429)).toHaveLength(30);
    });

    it('WORKBENCH_TRUST_PROXY takes a hop count or the proxies\' addresses, nothing that trusts everyone', () => {
      expect(loadConfig({}, {}).trustProxy).toBe(false);
      expect(loadConfig({}, { WORKBENCH_TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({}, { WORKBENCH_TRUST_PROXY: '10.0.0.2, 10.0.1.0/24' }).trustProxy).toEqual(['10.0.0.2', '10.0.1.0/24']);
      for (const value of ['true', 'yes', '*', '10.0.0.300']) expect(() => loadConfig({}, { WORKBENCH_TRUST_PROXY: value }), value).toThrow(/WORKBENCH_TRUST_PROXY/);
    });
  });

  describe('M2: the public address is https, or http on this computer only', () => {
    it('refuses http://… that is not loopback at start, with a message naming https', async () => {
      for (const url of ['http://opas.example.fi', 'http://10.1.2.3:8080', 'http://192.168.0.5']) {
        expect(() => loadConfig({ 'public-url': url }, {}), url).toThrow(UsageError);
        expect(() => loadConfig({}, { WORKBENCH_PUBLIC_URL: url }), url).toThrow(/--public-url \(WORKBENCH_PUBLIC_URL\).*https/);
      }
      for (const url of ['https://opas.example.fi', 'http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080']) {
        const { publicUrl } = loadConfig({ 'public-url': url }, {});
        expect(publicUrl).toBe(url);
        // What `serve` signs into the feed as the report address is one the extension accepts.
        expect(endpointUrlSchema.safeParse(`${publicUrl}/api/reports`).success, url).toBe(true);
      }
      const errors: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
      const dir = tempDir();
      expect(await main(['publish', '--public-url', 'http://opas.example.fi', '--data', dir], { DATABASE_URL: '' })).toBe(2);
      expect(errors.join('\n')).toMatch(/use https/);
      expect(existsSync(join(dir, 'pgdata'))).toBe(false);
    });
  });

  describe('M3: verifiedBy names an organisation, never a maintainer\'s e-mail', () => {
    it('verifying writes the configured organisation; the published feed holds no maintainer e-mail; the history keeps who', async () => {
      const server = await app({ verifiedBy: 'Vantaan ja Keravan hyvinvointialue' });
      const session = await signIn(server);
      const saved = await server.inject({
        method: 'POST',
        url: `/records/service/${SERVICE.id}`,
        headers: { ...FORM, cookie: session.cookie },
        payload: formPayload(serviceForm(session.csrf, { number: '+358912345678', display: '09 1234 5678' }), '&verify=phones'),
      });
      expect(saved.statusCode).toBe(303);
      expect((await store.getRecord(db, 'service', SERVICE.id))!.data.verifiedBy).toBe('Vantaan ja Keravan hyvinvointialue');
      const [change] = await store.auditHistory(db, { kind: 'service', recordId: SERVICE.id });
      expect(change).toMatchObject({ actor: EMAIL, action: 'edit+verify' });

      expect((await server.inject({ method: 'POST', url: '/publish', headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } })).statusCode).toBe(303);
      const feed = (await server.inject('/feed/catalogue.json')).body;
      expect(feed).not.toContain(EMAIL);
      const published = JSON.parse(feed);
      for (const record of [...published.services, ...published.organisations]) {
        if (record.verifiedBy) expect(record.verifiedBy, record.id).not.toMatch(EMAIL_LIKE);
      }
      expect(published.services.find((s: { id: string }) => s.id === SERVICE.id).verifiedBy).toBe('Vantaan ja Keravan hyvinvointialue');
    });

    it('without configuration the catalogue\'s maintainer organisation is named', async () => {
      const server = await app();
      const session = await signIn(server);
      const url = `/records/organisation/${ORGANISATION.id}`;
      const form = { _csrf: session.csrf, returnTo: url, 'phones.0.number': '', 'phones.0.display': '', 'phones.0.label': '', email: ORGANISATION.email ?? '', website: ORGANISATION.website ?? '' };
      const saved = await server.inject({ method: 'POST', url, headers: { ...FORM, cookie: session.cookie }, payload: formPayload(form, '&verify=website') });
      expect(saved.statusCode).toBe(303);
      expect((await store.getRecord(db, 'organisation', ORGANISATION.id))!.data.verifiedBy).toBe(catalogue.maintainer.name);
    });

    it('a rollback to a revision published before the fix carries no e-mail either', async () => {
      const latest = (await store.latestFeed(db))!;
      const old = JSON.parse(latest.catalogue);
      old.revision = latest.revision + 1;
      old.services[1] = { ...old.services[1], verifiedAt: '2026-11-30', verifiedBy: EMAIL, verifiedFields: ['phones'] };
      const text = JSON.stringify(old);
      const signature = JSON.stringify(await signBytes(new Uint8Array(Buffer.from(text)), key));
      await db.query('INSERT INTO feed_revisions (revision, published_by, catalogue, signature, etag) VALUES ($1, $2, $3, $4, $5)', [old.revision, EMAIL, text, signature, `"old-${old.revision}"`]);
      const server = await app();
      const session = await signIn(server);
      const rollback = await server.inject({ method: 'POST', url: `/publish/${old.revision}/republish`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      expect(rollback.statusCode, rollback.body.match(/<li>[^<]*/g)?.join(" ")).toBe(303);
      const feed = (await server.inject('/feed/catalogue.json')).body;
      expect(JSON.parse(feed).revision).toBe(old.revision + 1);
      expect(feed).not.toContain(EMAIL);
      expect(JSON.parse(feed).services[1].verifiedBy).toBe(catalogue.maintainer.name);
      // `serve` replaces a latest feed that still names a person (it asks this at start).
      expect(await store.feedNamesAPerson(db)).toBe(false);
      await db.query('UPDATE feed_revisions SET catalogue = $1 WHERE revision = (SELECT max(revision) FROM feed_revisions)', [text]);
      expect(await store.feedNamesAPerson(db)).toBe(true);
      await publish(db, { key, actor: 'start' });
      expect(await store.feedNamesAPerson(db)).toBe(false);
    });

    it('migration 003 replaces e-mails already in verifiedBy with the maintainer organisation, and audits it', async () => {
      const old = await openPglite(undefined);
      try {
        await migrate(old, listMigrations().filter((migration) => migration.version < 3));
        await importBundledIfEmpty(old);
        await old.query(`UPDATE records SET data = data || $3::jsonb WHERE kind = $1 AND id = $2`, [
          'service',
          SERVICE.id,
          JSON.stringify({ verifiedAt: '2026-12-01', verifiedBy: EMAIL, verifiedFields: ['phones'] }),
        ]);
        await migrate(old);
        const record = (await store.getRecord(old, 'service', SERVICE.id))!.data;
        expect(record).toMatchObject({ verifiedAt: '2026-12-01', verifiedBy: catalogue.maintainer.name, verifiedFields: ['phones'] });
        const [change] = await store.auditHistory(old, { kind: 'service', recordId: SERVICE.id });
        expect(change).toMatchObject({ actor: 'migration 003', before: { verifiedBy: EMAIL } });
      } finally {
        await old.close();
      }
    });
  });

  describe('M4: the intake refuses a henkilötunnus split across fields, or in any written form', () => {
    it('answers 422 for a code split between two fields, a key and its value, spaced and invisible forms', async () => {
      const server = await app({ intakeRateLimit: { max: 1000, timeWindow: 60_000 } });
      const before = await store.countReports(db);
      const bodies: Array<[string, Record<string, unknown>]> = [
        ['across fields', report({ suggestion: '131052', comment: '-308T' })],
        ['key and value', { ...report(), '131052': '-308T' }],
        ['spaced check', report({ comment: 'asiakas 131052-308 T' })],
        ['spaced date', report({ comment: 'asiakas 13 10 52-308T' })],
        ['U+034F', report({ comment: 'asiakas 131052-3\u034F08T' })],
        ['U+FE0F', report({ comment: 'asiakas 1310\uFE0F52-308T' })],
        ['U+3164', report({ suggestion: '131052\u3164-308T' })],
      ];
      for (const [name, body] of bodies) {
        const response = await postReport(server, body);
        expect(response.statusCode, name).toBe(422);
        expect(response.json().error, name).toMatch(/henkilötunnus/);
      }
      // Two numbers in two fields are not a code: a phone suggestion and a comment with a number.
      expect((await postReport(server, report({ suggestion: '045 0508165', comment: '042 224 3826' }))).statusCode).toBe(201);
      expect(await store.countReports(db)).toBe(before + 1);
    });
  });

  describe('L1: after signing in, only a path on this server', () => {
    it('refuses control characters, backslashes, // and other origins, keeps same-origin paths', async () => {
      for (const bad of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '//evil.example', '/\\evil.example', '\\/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'evil.example', '', '/ok\u0000']) {
        expect(safeReturn(bad, '/'), JSON.stringify(bad)).toBe('/');
      }
      for (const good of ['/', '/reports/7a2c1a52-3b0e-4b6c-9a55-000000000001', '/records/service/x?saved=1', '/publish#revisions']) expect(safeReturn(good, '/')).toBe(good);
      const server = await app();
      const form = await server.inject({ url: `/login?next=${encodeURIComponent('/\t/evil.example')}` });
      expect(form.body).not.toContain('evil.example');
      const response = await server.inject({ method: 'POST', url: '/login', payload: { email: EMAIL, password: PASSWORD, next: '/\t/evil.example' } });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/');
    });
  });

  describe('L2: save and publish validate alike', () => {
    it('a phone whose printed form dials another number is refused at save, beside its field, and publishing still works', async () => {
      const server = await app();
      const session = await signIn(server);
      const refused = await server.inject({
        method: 'POST',
        url: `/records/service/${SERVICE.id}`,
        headers: { ...FORM, cookie: session.cookie },
        payload: formPayload(serviceForm(session.csrf, { number: '+358912345678', display: '09 1234 5679' })),
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toMatch(/id="f-phones-0-display"[^>]*aria-invalid="true"/);
      expect((await store.getRecord(db, 'service', SERVICE.id))!.data.phones).not.toContainEqual({ number: '+358912345678', display: '09 1234 5679' });
      const published = await server.inject({ method: 'POST', url: '/publish', headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      expect(published.statusCode).toBe(303);
    });

    it('the save preview checks as the save does: the same phone is refused beside its field; ticked facts preview without an e-mail', async () => {
      const server = await app();
      const session = await signIn(server);
      const url = `/records/service/${SERVICE.id}/preview`;
      const refused = await server.inject({ method: 'POST', url, headers: { ...FORM, cookie: session.cookie }, payload: formPayload(serviceForm(session.csrf, { number: '+358912345678', display: '09 1234 5679' })) });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toMatch(/id="f-phones-0-display"[^>]*aria-invalid="true"/);
      expect(refused.body).not.toContain('data-testid="save-preview"');
      // Ticking a fact stamps verifiedBy; publishing refuses an e-mail there, so the preview must not put one.
      const ticked = await server.inject({ method: 'POST', url, headers: { ...FORM, cookie: session.cookie }, payload: formPayload(serviceForm(session.csrf, { number: '+358912345678', display: '09 1234 5678' }), '&verify=phones') });
      expect(ticked.statusCode).toBe(200);
      expect(ticked.body).toContain('data-testid="save-preview"');
    });
  });

  describe('L3: a flooded inbox stays usable', () => {
    it('1,200 reports: 50 a page, newest first, filtered by state; closing selected ones and all matching', async () => {
      const server = await app();
      const session = await signIn(server);
      await db.query("UPDATE reports SET status = 'not-a-problem', closed_at = now(), closed_by = 'test' WHERE status = 'open'");
      await db.query(
        `INSERT INTO reports (id, idempotency_key, service_id, body, received_at)
         SELECT gen_random_uuid(), 'flood-' || i, $1, $2::jsonb || jsonb_build_object('comment', 'tulva ' || lpad(i::text, 4, '0')), now() - make_interval(secs => 2000 - i)
         FROM generate_series(1, 1200) AS i`,
        [SERVICE.id, JSON.stringify(report())],
      );
      const page = async (query: string) => server.inject({ url: `/${query}`, headers: { cookie: session.cookie } });
      const links = (body: string) => [...body.matchAll(/href="\/reports\/([0-9a-f-]{36})"/g)].map((match) => match[1]!);

      const first = await page('');
      expect(first.statusCode).toBe(200);
      expect(links(first.body)).toHaveLength(50);
      expect(first.body).toContain('tulva 1200');
      expect(first.body).toContain('tulva 1151');
      expect(first.body).not.toContain('tulva 1150');
      expect(first.body.indexOf('tulva 1200')).toBeLessThan(first.body.indexOf('tulva 1199'));
      expect(first.body).toMatch(/href="\/\?state=open&amp;page=2"/);
      expect(first.body.length).toBeLessThan(300_000);
      const last = await page('?state=open&page=24');
      expect(links(last.body)).toHaveLength(50);
      expect(last.body).toContain('tulva 0001');

      // Select two and close them; they move to their state's filter.
      const chosen = links(first.body).slice(0, 2);
      const selected = await server.inject({
        method: 'POST',
        url: '/reports/close-many',
        headers: { ...FORM, cookie: session.cookie },
        payload: `${new URLSearchParams({ _csrf: session.csrf, status: 'not-a-problem', reply: '' })}&ids=${chosen[0]}&ids=${chosen[1]}`,
      });
      expect(selected.statusCode).toBe(303);
      for (const id of chosen) expect((await store.getReport(db, id))!.status).toBe('not-a-problem');
      const closedPage = await page('?state=not-a-problem');
      expect(links(closedPage.body)).toEqual(expect.arrayContaining(chosen));
      expect(links((await page('')).body)).not.toContain(chosen[0]);

      // Close every open report of the filter in one go.
      const started = performance.now();
      const all = await server.inject({
        method: 'POST',
        url: '/reports/close-many',
        headers: { ...FORM, cookie: session.cookie },
        payload: new URLSearchParams({ _csrf: session.csrf, status: 'not-a-problem', reply: '', matching: 'all', state: 'open', service: SERVICE.id }).toString(),
      });
      const ms = performance.now() - started;
      expect(all.statusCode).toBe(303);
      expect(ms).toBeLessThan(10_000);
      const [open] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reports WHERE status = 'open'");
      expect(Number(open!.n)).toBe(0);
      expect(links((await page('')).body)).toHaveLength(0);
      const audited = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'close-not-a-problem'");
      expect(Number(audited[0]!.n)).toBeGreaterThanOrEqual(1200);
    }, 60_000);
  
    it('closing many checks the reply as closing one does: a henkilötunnus or an over-long reply closes nothing, the inbox says why', async () => {
      const server = await app({ intakeRateLimit: { max: 1000, timeWindow: 60_000 } });
      const session = await signIn(server);
      const sent = report();
      expect((await postReport(server, sent)).statusCode).toBe(201);
      const closeMany = (answer: string) =>
        server.inject({
          method: 'POST',
          url: '/reports/close-many',
          headers: { ...FORM, cookie: session.cookie },
          payload: `${new URLSearchParams({ _csrf: session.csrf, status: 'fixed', reply: answer })}&ids=${sent.id}`,
        });
      for (const [answer, why] of [
        ['Korjattu, asiakas 131052-308T', /henkilötunnus/],
        ['x'.repeat(1001), /liian pitkä/],
      ] as const) {
        const refused = await closeMany(answer);
        expect(refused.statusCode).toBe(303);
        expect((await store.getReport(db, sent.id))!.status).toBe('open');
        const inbox = await server.inject({ url: refused.headers.location!, headers: { cookie: session.cookie } });
        expect(inbox.body).toMatch(why);
      }
      expect((await closeMany('  Numero korjattu.  ')).statusCode).toBe(303);
      expect(await store.getReport(db, sent.id)).toMatchObject({ status: 'fixed', reply: 'Numero korjattu.' });
    });
  });

  describe('L4: concurrent publishes', () => {
    it('a publish that waited for the lock signs what is live then, so the newer revision never has older content', async () => {
      const { db: own, key: ownKey } = await freshDb();
      try {
        let reached!: () => void;
        let release!: () => void;
        const atGate = new Promise<void>((done) => (reached = done));
        const gate = new Promise<void>((done) => (release = done));
        let first = true;
        // The first publish's transaction waits (as behind another publisher's lock) until released.
        const gated: Db = {
          kind: own.kind,
          query: (sql, params) => own.query(sql, params),
          exec: (sql) => own.exec(sql),
          close: () => own.close(),
          async transaction(fn) {
            if (first) {
              first = false;
              reached();
              await gate;
            }
            return own.transaction(fn);
          },
        };
        const slow = publish(gated, { key: ownKey, actor: 'slow' });
        await atGate;
        await own.query(`UPDATE records SET data = jsonb_set(data, '{name}', '"Uusi nimi"') WHERE kind = 'service' AND id = $1`, [SERVICE.id]);
        const fast = await publish(own, { key: ownKey, actor: 'fast' });
        release();
        const late = await slow;
        expect(late.revision).toBe(fast.revision + 1);
        const newest = JSON.parse((await store.latestFeed(own))!.catalogue);
        expect(newest.services.find((s: { id: string }) => s.id === SERVICE.id).name).toBe('Uusi nimi');
      } finally {
        await own.close();
      }
    });
  });

  describe('L5: disabling a maintainer; a new password', () => {
    it('`disable-maintainer EMAIL` ends that person\'s sign-ins and they cannot sign in again', async () => {
      const dir = tempDir();
      const config = { dataDir: dir, databaseUrl: undefined };
      const first = await openWorkbenchDb(config);
      await store.addMaintainer(first.db, EMAIL, await hashPassword(PASSWORD));
      await store.addMaintainer(first.db, 'toinen@example.fi', await hashPassword(PASSWORD));
      const anna = (await store.findMaintainer(first.db, EMAIL))!;
      const other = (await store.findMaintainer(first.db, 'toinen@example.fi'))!;
      await store.createSignIn(first.db, 'anna-browser', anna.id, 'csrf', 12);
      await store.createSignIn(first.db, 'other-browser', other.id, 'csrf', 12);
      await first.db.close();
      first.unlock();

      const lines: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
      expect(await main(['disable-maintainer', EMAIL.toUpperCase(), '--data', dir], { DATABASE_URL: '' })).toBe(0);
      expect(lines.join('\n')).toMatch(/anna\.auditoitava@example\.fi .*disabled.*1 sign-in/);

      const after = await openWorkbenchDb(config);
      try {
        expect(await store.findSignIn(after.db, 'anna-browser')).toBeUndefined();
        const [row] = await after.db.query<{ ended_at: Date | null }>("SELECT ended_at FROM sign_ins WHERE token_hash = 'anna-browser'");
        expect(row!.ended_at).toBeInstanceOf(Date);
        expect(await store.findSignIn(after.db, 'other-browser')).toMatchObject({ email: 'toinen@example.fi' });
        expect(await store.findMaintainer(after.db, EMAIL)).toBeUndefined();
        const server = await buildApp({ db: after.db, key: await generateSigningKeyPair(), publicUrl: PUBLIC_URL });
        const attempt = await server.inject({ method: 'POST', url: '/login', payload: { email: EMAIL, password: PASSWORD, next: '/' } });
        await server.close();
        expect(attempt.statusCode).toBe(401);
        const [change] = await store.auditHistory(after.db, { kind: 'maintainer', recordId: EMAIL });
        expect(change).toMatchObject({ action: 'disable' });
      } finally {
        await after.db.close();
        after.unlock();
      }
      const errors: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
      expect(await main(['disable-maintainer', 'ei-ole@example.fi', '--data', dir], { DATABASE_URL: '' })).toBe(2);
      expect(errors.join('\n')).toMatch(/no maintainer ei-ole@example\.fi/);
    }, 60_000);

    it('a new password ends the sign-ins made with the old one', async () => {
      const server = await app();
      const old = await signIn(server);
      expect((await server.inject({ url: '/', headers: { cookie: old.cookie } })).statusCode).toBe(200);
      await store.addMaintainer(db, EMAIL, await hashPassword('uusi pitkä salasana 2027'));
      const after = await server.inject({ url: '/', headers: { cookie: old.cookie } });
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toMatch(/^\/login/);
      await store.addMaintainer(db, EMAIL, await hashPassword(PASSWORD));
    });
  });

  describe('L6: production mode needs the signing key file', () => {
    it('refuses to start without WORKBENCH_SIGNING_KEY_FILE (NODE_ENV=production or --production) and creates no key', async () => {
      for (const [argv, env] of [
        [[], { NODE_ENV: 'production', DATABASE_URL: '' }],
        [['--production'], { DATABASE_URL: '' }],
      ] as const) {
        const dir = tempDir();
        const errors: string[] = [];
        vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
        vi.spyOn(console, 'log').mockImplementation(() => undefined);
        expect(await main(['publish', ...argv, '--data', dir], env)).toBe(2);
        expect(errors.join('\n')).toMatch(/production.*WORKBENCH_SIGNING_KEY_FILE/);
        expect(existsSync(join(dir, 'signing-key.json'))).toBe(false);
      }
      expect(loadConfig({}, { NODE_ENV: 'production' }).production).toBe(true);
      expect(loadConfig({ production: true }, {}).production).toBe(true);
      expect(loadConfig({}, {}).production).toBe(false);
    }, 60_000);

    it('development still creates a key, loudly', async () => {
      const dir = tempDir();
      const lines: string[] = [];
      const pair = await loadOrCreateKey({ dataDir: dir, signingKeyFile: undefined, production: false }, (line) => lines.push(line));
      expect(pair.publicKey).toBeTruthy();
      expect(existsSync(join(dir, 'signing-key.json'))).toBe(true);
      expect(lines.join('\n')).toMatch(/WARNING.*DEVELOPMENT signing key/s);
      expect(lines.join('\n')).toMatch(/no browser trusts/);
    });
  });

  describe('L7: the feed from the stored revision; weak ETags; malformed ids', () => {
    it('a 304 and the .sig load no catalogue; weak ETags match; the bytes are the signed ones', async () => {
      const rows: Row[] = [];
      const spied: Db = {
        kind: db.kind,
        async query<T extends Row>(sql: string, params?: unknown[]) {
          const result = await db.query<T>(sql, params);
          rows.push(...result);
          return result;
        },
        exec: (sql) => db.exec(sql),
        transaction: (fn) => db.transaction(fn),
        close: async () => undefined,
      };
      const server = await app({ db: spied });
      const feed = await server.inject('/feed/catalogue.json');
      expect(feed.statusCode).toBe(200);
      const etag = String(feed.headers.etag);
      expect(etag).toMatch(/^"[^"]+"$/);
      const sig = await server.inject('/feed/catalogue.json.sig');
      expect(await verifyDetached(new Uint8Array(feed.rawPayload), sig.body, [key.publicKey])).toBe('valid');

      rows.length = 0;
      const again = await server.inject({ url: '/feed/catalogue.json', headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      const weak = await server.inject({ url: '/feed/catalogue.json', headers: { 'if-none-match': `"other", W/${etag}` } });
      expect(weak.statusCode).toBe(304);
      const sigAgain = await server.inject('/feed/catalogue.json.sig');
      expect(sigAgain.body).toBe(sig.body);
      const sigWeak = await server.inject({ url: '/feed/catalogue.json.sig', headers: { 'if-none-match': `W/${String(sig.headers.etag)}` } });
      expect(sigWeak.statusCode).toBe(304);
      expect(rows.filter((row) => 'catalogue' in row)).toEqual([]);
      expect(rows.filter((row) => JSON.stringify(row).length > 5_000)).toEqual([]); // no catalogue under another name
      expect((await server.inject({ url: '/feed/catalogue.json', headers: { 'if-none-match': 'W/"r1-nope"' } })).statusCode).toBe(200);
    });

    it('malformed ids and revisions answer 4xx, never 500', async () => {
      const server = await app();
      const session = await signIn(server);
      const get = (url: string) => server.inject({ url, headers: { cookie: session.cookie } });
      const post = (url: string) => server.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      const answers: Array<[string, number]> = [];
      for (const url of ['/records/service/%ZZ', '/records/%ZZ/x', '/reports/%ZZ', '/reports/not-a-uuid', '/feed/%ZZ', '/?page=abc', '/?page=-1']) {
        answers.push([`GET ${url}`, (await get(url)).statusCode]);
      }
      for (const url of ['/publish/abc/republish', '/publish/1e3x/republish', '/publish/999999/republish', '/reports/not-a-uuid/close', '/reports/%ZZ/close', '/records/service/%ZZ', '/records/service/ei-ole/end']) {
        answers.push([`POST ${url}`, (await post(url)).statusCode]);
      }
      const failures = answers.filter(([, status]) => status < 400 || status >= 500);
      // /?page=abc may also fall back to the first page.
      expect(failures.filter(([request]) => !request.startsWith("GET /?page")), JSON.stringify(answers)).toEqual([]);
      for (const [, status] of answers) expect(status).toBeLessThan(500);
      expect((await get('/login?next=%ZZ')).statusCode).toBe(200);
    });
  });
});
