/**
 * The workbench against a real database, twice: embedded PGlite and a real PostgreSQL server
 * (a throwaway cluster of Debian's `postgresql`, tests/workbench/postgres-cluster.ts). Requests
 * go through Fastify's inject (the whole HTTP stack without a socket), so intake, sign-in,
 * CSRF, editing, publishing and the feed are checked as a browser or the extension meets them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateSigningKeyPair, verifyDetached, type SigningKeyPair } from '@/utils/sync/signature';
import { buildApp } from '@/workbench/src/app';
import { importBundledIfEmpty } from '@/workbench/src/bundled-catalogue';
import type { Db } from '@/workbench/src/db/db';
import { listMigrations, migrate } from '@/workbench/src/db/migrate';
import { helsinkiToday } from '@/workbench/src/helsinki-today';
import { hashPassword } from '@/workbench/src/passwords';
import { publish } from '@/workbench/src/publishing';
import { REPORT_BODY_LIMIT } from '@/workbench/src/routes/intake';
import * as store from '@/workbench/src/store';
import { catalogue, EMAIL, onPgliteAndPostgres, ORGANISATION, ORIGIN, PASSWORD, PG_BIN, postReport, PUBLIC_URL, reportBuilder, SERVICE, signIn } from '../workbench/harness';
import { mainContactOfService } from '@/utils/handoff/main-contact';
import type { Organisation, Service } from '@/utils/catalogue/schema';

if (!PG_BIN && process.env.CI) throw new Error('CI must run the PostgreSQL half: install Debian\'s postgresql package (.ci/run does)');

const report = reportBuilder('6f1c1a52-3b0e-4b6c-9a55-');

function workbenchSuite(name: string, open: () => Promise<Db>) {
  describe(`workbench on ${name}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let key: SigningKeyPair;
    let session: { cookie: string; csrf: string };
    const now = new Date('2026-12-03T10:00:00Z');

    beforeAll(async () => {
      db = await open();
      expect(await migrate(db)).toEqual(listMigrations().map((migration) => migration.version));
      expect(await migrate(db)).toEqual([]); // applied once
      expect(await importBundledIfEmpty(db)).toBe(true);
      expect(await importBundledIfEmpty(db)).toBe(false);
      key = await generateSigningKeyPair();
      await publish(db, { key, actor: 'start' });
      await store.addMaintainer(db, EMAIL, await hashPassword(PASSWORD));
      app = await buildApp({ db, key, publicUrl: PUBLIC_URL, now: () => now, intakeRateLimit: { max: 40, timeWindow: 60_000 }, loginRateLimit: { max: 5, timeWindow: 60_000 } });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('healthz answers 200; the first feed is the bundled catalogue, signed, revision + 1', async () => {
      expect((await app.inject('/healthz')).statusCode).toBe(200);
      const feed = await app.inject({ url: '/feed/catalogue.json', headers: { origin: ORIGIN } });
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['cache-control']).toBe('no-cache');
      expect(feed.headers['access-control-allow-origin']).toBe('*');
      expect(String(feed.headers['access-control-expose-headers'])).toMatch(/ETag/i);
      const published = JSON.parse(feed.body);
      expect(published.revision).toBe(catalogue.revision + 1);
      expect(published.services).toHaveLength(catalogue.services.length);
      const sig = await app.inject('/feed/catalogue.json.sig');
      expect(await verifyDetached(new Uint8Array(feed.rawPayload), sig.body, [key.publicKey])).toBe('valid');
      const again = await app.inject({ url: '/feed/catalogue.json', headers: { 'if-none-match': String(feed.headers.etag) } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const preflight = await app.inject({ method: 'OPTIONS', url: '/feed/catalogue.json', headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
      expect(preflight.statusCode).toBeLessThan(300);
      expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/If-None-Match/i);
    });

    it('intake: 201 with the id, the same key again 200 and still one row (also when sent at once)', async () => {
      const body = report();
      const first = await postReport(app, body);
      expect(first.statusCode).toBe(201);
      // With the report's status token (tests/unit/workbench-report-status.test.ts).
      expect(first.json()).toEqual({ id: body.id, statusToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(first.headers['access-control-allow-origin']).toBe(ORIGIN);
      const repeat = await postReport(app, body);
      expect(repeat.statusCode).toBe(200);
      expect(repeat.json()).toMatchObject({ id: body.id });
      const racing = report();
      const answers = await Promise.all([postReport(app, racing), postReport(app, racing), postReport(app, racing)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[])', [[body.id, racing.id]]);
      expect(Number(rows[0]!.n)).toBe(2);
      // The constraint itself, not code, refuses a second row with the same key.
      await expect(db.query("INSERT INTO reports (id, idempotency_key, service_id, body) VALUES (gen_random_uuid(), $1, 'x', '{}')", [body.id])).rejects.toThrow();
    });

    it('intake refuses a henkilötunnus anywhere (422 with the reason), broken JSON (400), over 16 kB (413), a wrong key (400)', async () => {
      const before = await store.countReports(db);
      for (const text of ['Asiakas 010594Y9021 soitti', 'hetu 010594y9021', 'uusi 010594-9021?']) {
        const refused = await postReport(app, report({ comment: text }));
        expect(refused.statusCode, text).toBe(422);
        expect(refused.json().error).toMatch(/henkilötunnus/);
      }
      expect((await postReport(app, report({ serviceName: 'Palvelu 010594Y9021' }))).statusCode).toBe(422);
      // A lookalike with a wrong check character is not a code.
      expect((await postReport(app, report({ comment: 'Viite 010594Y9022 ei vastaa' }))).statusCode).toBe(201);
      const broken = await app.inject({ method: 'POST', url: '/api/reports', headers: { 'content-type': 'application/json', 'idempotency-key': 'x' }, payload: '{"id": ' });
      expect(broken.statusCode).toBe(400);
      const huge = await postReport(app, report({ comment: 'x'.repeat(REPORT_BODY_LIMIT) }));
      expect(huge.statusCode).toBe(413);
      const body = report();
      expect((await postReport(app, body, 'another-key')).statusCode).toBe(400);
      expect((await postReport(app, report({ field: 'nonsense' }))).statusCode).toBe(400);
      expect(await store.countReports(db)).toBe(before + 1);
    });

    it('intake CORS: the preflight allows extension origins only', async () => {
      const preflight = (origin: string) =>
        app.inject({ method: 'OPTIONS', url: '/api/reports', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
      const ok = await preflight(ORIGIN);
      expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(String(ok.headers['access-control-allow-headers'])).toMatch(/Idempotency-Key/i);
      expect((await preflight('moz-extension://1234-5678')).headers['access-control-allow-origin']).toBe('moz-extension://1234-5678');
      expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    });

    it('every page and API but intake, health and feed needs a sign-in; bad passwords are refused and rate-limited', async () => {
      for (const url of ['/', '/overview', '/history', '/publish', '/info-sessions', `/records/service/${SERVICE.id}`]) {
        const response = await app.inject(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location).toMatch(/^\/login\?next=/);
      }
      expect((await app.inject({ method: 'POST', url: '/publish', payload: {} })).statusCode).toBe(401);
      const wrong = await app.inject({ method: 'POST', url: '/login', payload: { email: EMAIL, password: 'väärä salasana' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('Sähköposti tai salasana on väärin.');
      session = await signIn(app);
      // The 5-per-minute login limit: the 6th attempt in the window is refused before checking.
      const codes = [];
      for (let i = 0; i < 5; i += 1) codes.push((await app.inject({ method: 'POST', url: '/login', payload: { email: EMAIL, password: 'väärä' } })).statusCode);
      expect(codes).toContain(429);
    });

    it('a form without the CSRF token, or from another origin, changes nothing', async () => {
      const before = (await store.auditHistory(db)).length;
      const noToken = await app.inject({ method: 'POST', url: '/publish', headers: { cookie: session.cookie }, payload: {} });
      expect(noToken.statusCode).toBe(403);
      const crossSite = await app.inject({ method: 'POST', url: '/publish', headers: { cookie: session.cookie, origin: 'https://evil.example' }, payload: { _csrf: session.csrf } });
      expect(crossSite.statusCode).toBe(403);
      expect((await store.auditHistory(db)).length).toBe(before);
    });

    it('pages speak Finnish first, Swedish or English when the browser prefers them', async () => {
      const login = async (language?: string) => (await app.inject({ url: '/login', headers: language ? { 'accept-language': language } : {} })).body;
      expect(await login()).toContain('<html lang="fi">');
      expect(await login('de-DE,de;q=0.9')).toContain('Kirjaudu sisään');
      expect(await login('sv-FI,sv;q=0.9,fi;q=0.8')).toContain('Logga in');
      expect(await login('en-GB')).toContain('Sign in');
    });

    it('intake is rate-limited per client: the third report in the window gets 429 with Retry-After, another client is not held up', async () => {
      const limited = await buildApp({ db, key, publicUrl: PUBLIC_URL, intakeRateLimit: { max: 2, timeWindow: 60_000 } });
      try {
        const send = (remoteAddress: string) =>
          limited.inject({ method: 'POST', url: '/api/reports', remoteAddress, headers: { 'content-type': 'application/json', 'idempotency-key': 'k' }, payload: '{}' });
        const codes = [await send('10.0.0.1'), await send('10.0.0.1'), await send('10.0.0.1')].map((r) => r.statusCode);
        expect(codes).toEqual([400, 400, 429]);
        expect((await send('10.0.0.1')).headers['retry-after']).toBeDefined();
        expect((await send('10.0.0.2')).statusCode).toBe(400);
      } finally {
        await limited.close();
      }
    });

    it('an organisation\'s contacts are edited through the same form; a bad e-mail is refused beside its field', async () => {
      const url = `/records/organisation/${ORGANISATION.id}`;
      const form = { _csrf: session.csrf, returnTo: url, 'phones.0.number': '', 'phones.0.display': '', 'phones.0.label': '', email: 'ei-osoite', website: ORGANISATION.website ?? '' };
      const bad = await app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: form });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toMatch(/id="f-email-error">Anna sähköpostiosoite/);
      const good = await app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...form, email: 'neuvonta@example.fi' } });
      expect(good.statusCode).toBe(303);
      const saved = (await store.getRecord(db, 'organisation', ORGANISATION.id))!.data;
      expect(saved.email).toBe('neuvonta@example.fi');
      expect(saved.keywords).toEqual(ORGANISATION.keywords); // fields outside the form are kept
      const page = await app.inject({ url, headers: { cookie: session.cookie } });
      expect(page.body).toContain('neuvonta@example.fi');
      expect(page.body).toContain(EMAIL); // the audit history names who changed it
    });

    it('a stale address is fixed in the form: a bad postal code is refused beside its field, a good one saved, verified and audited', async () => {
      const url = `/records/organisation/${ORGANISATION.id}`;
      const editor = await app.inject({ url, headers: { cookie: session.cookie } });
      expect(editor.body).toMatch(/<legend>Osoite 1<\/legend>/);
      const form = {
        _csrf: session.csrf,
        returnTo: url,
        'phones.0.number': '',
        'phones.0.display': '',
        'phones.0.label': '',
        email: ORGANISATION.email ?? '',
        website: ORGANISATION.website ?? '',
        'addresses.0.street': 'Kielotie 13',
        'addresses.0.postalCode': '1300',
        'addresses.0.city': 'Vantaa',
        'addresses.0.label': 'Tikkurilan toimipiste',
        'addresses.1.street': '',
        'addresses.1.postalCode': '',
        'addresses.1.city': '',
        'addresses.1.label': '',
      };
      const bad = await app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: form });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toMatch(/id="f-addresses-0-postalCode"[^>]*aria-invalid="true"/);
      expect(bad.body).toMatch(/id="f-addresses-0-postalCode-error">Anna viisinumeroinen postinumero/);
      expect(bad.body).toContain('value="Kielotie 13"'); // what she typed is kept

      const good = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `${new URLSearchParams({ ...form, 'addresses.0.postalCode': '01300' })}&verify=addresses`,
      });
      expect(good.statusCode).toBe(303);
      const saved = (await store.getRecord(db, 'organisation', ORGANISATION.id))!.data;
      expect(saved.addresses).toEqual([{ street: 'Kielotie 13', postalCode: '01300', city: 'Vantaa', label: 'Tikkurilan toimipiste' }]);
      expect(saved.verifiedFields).toContain('addresses');
      const [change] = await store.auditHistory(db, { kind: 'organisation', recordId: ORGANISATION.id });
      expect((change!.after as { addresses: unknown }).addresses).toEqual(saved.addresses);

      // A form without address rows (e.g. an older page) leaves the addresses as they are.
      const { 'addresses.0.street': _s, 'addresses.0.postalCode': _p, 'addresses.0.city': _c, 'addresses.0.label': _l, ...withoutRows } = form;
      const kept = await app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: withoutRows });
      expect(kept.statusCode).toBe(303);
      expect((await store.getRecord(db, 'organisation', ORGANISATION.id))!.data.addresses).toEqual(saved.addresses);
    });

    it('inbox → report → bad phone shows the error by the field → fix + verify → close → publish carries it', async () => {
      const inbox = await app.inject({ url: '/', headers: { cookie: session.cookie } });
      expect(inbox.body).toContain(SERVICE.name);
      expect(inbox.body).toContain('09 1234 5678');
      // The card's one contact line is the popup's (MainContactLine, main-contact.ts); the whole card is the popup's own (workbench-nurse-card.test.ts).
      const stored = async (kind: 'service' | 'organisation', id: string) => (await store.getRecord(db, kind, id))!.data;
      const main = mainContactOfService((await stored('service', SERVICE.id)) as Service, (await stored('organisation', ORGANISATION.id)) as Organisation);
      expect(inbox.body).toMatch(new RegExp(`<p class="main-contact[^"]*">(<span class="main-contact-label">[^<]*</span><a [^>]*>)?${main ? main.text : 'Ei yhteystietoja'}`));
      const reportId = /href="\/reports\/([0-9a-f-]{36})"/.exec(inbox.body)![1]!;
      const page = await app.inject({ url: `/reports/${reportId}`, headers: { cookie: session.cookie } });
      expect(page.body).toContain('Nykyiset tiedot');
      expect(page.body).toContain('Hoitajan ilmoitus');

      const form = { _csrf: session.csrf, returnTo: `/reports/${reportId}`, 'phones.0.number': '0912345678', 'phones.0.display': '09 1234 5678', 'phones.0.label': '', email: '', website: '', hours: '' };
      const invalid = await app.inject({ method: 'POST', url: `/records/service/${SERVICE.id}`, headers: { cookie: session.cookie }, payload: form });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.body).toMatch(/id="f-phones-0-number"[^>]*aria-invalid="true" aria-describedby="f-phones-0-number-error"/);
      expect(invalid.body).toMatch(/id="f-phones-0-number-error">Anna numero muodossa \+358/);
      // Schema v2: a service's own phones are a list, empty until it has its own line.
      expect((await store.getRecord(db, 'service', SERVICE.id))!.data.phones).toEqual([]);

      const valid = await app.inject({
        method: 'POST',
        url: `/records/service/${SERVICE.id}`,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `${new URLSearchParams({ ...form, 'phones.0.number': '+358912345678', 'phones.0.display': '09 1234 5678' })}&verify=phones`,
      });
      expect(valid.statusCode).toBe(303);
      const saved = (await store.getRecord(db, 'service', SERVICE.id))!.data;
      expect(saved.phones).toEqual([{ number: '+358912345678', display: '09 1234 5678' }]);
      expect(saved.verifiedAt).toBe(helsinkiToday(now));
      const [change] = await store.auditHistory(db, { kind: 'service', recordId: SERVICE.id });
      expect(change).toMatchObject({ actor: EMAIL, action: 'edit+verify' });
      expect((change!.before as { phones?: unknown }).phones).toEqual([]);
      expect((change!.after as { verifiedAt: string }).verifiedAt).toBe(helsinkiToday(now));

      const closed = await app.inject({ method: 'POST', url: `/reports/${reportId}/close`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, status: 'fixed', reply: 'Numero korjattu.' } });
      expect(closed.statusCode).toBe(303);
      expect((await store.getReport(db, reportId))).toMatchObject({ status: 'fixed', reply: 'Numero korjattu.', closedBy: EMAIL });

      const published = await app.inject({ method: 'POST', url: '/publish', headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      expect(published.statusCode).toBe(303);
      const feed = JSON.parse((await app.inject('/feed/catalogue.json')).body);
      expect(feed.revision).toBe(catalogue.revision + 2);
      const service = feed.services.find((s: { id: string }) => s.id === SERVICE.id);
      expect(service).toMatchObject({ phones: [{ number: '+358912345678', display: '09 1234 5678' }], verifiedAt: helsinkiToday(now) });
      expect(feed.maintainer.reportUrl).toBeUndefined(); // set by `serve` from its public URL, not here

      const overview = await app.inject({ url: '/overview', headers: { cookie: session.cookie } });
      expect(overview.body).toContain('Ei koskaan tarkistettu: <strong>' + (catalogue.services.length - 1));
      expect(overview.body).toContain('Ajan tasalla: <strong>1');
    });

    it('an ended service leaves the feed but stays in the database; an old revision republishes as a new one', async () => {
      const victim = catalogue.services[1].id;
      await app.inject({ method: 'POST', url: `/records/service/${victim}/end`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      const ended = await publish(db, { key, actor: EMAIL });
      const feed = JSON.parse((await app.inject('/feed/catalogue.json')).body);
      expect(feed.services.map((s: { id: string }) => s.id)).not.toContain(victim);
      expect((await store.getRecord(db, 'service', victim))!.endedAt).toBeInstanceOf(Date);

      const rollback = await app.inject({ method: 'POST', url: `/publish/${catalogue.revision + 1}/republish`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      expect(rollback.statusCode).toBe(303);
      const restored = JSON.parse((await app.inject('/feed/catalogue.json')).body);
      expect(restored.revision).toBe(ended.revision + 1);
      expect(restored.services.map((s: { id: string }) => s.id)).toContain(victim);
      const revisions = await db.query<{ revision: number }>('SELECT revision FROM feed_revisions ORDER BY revision');
      expect(revisions.map((r) => Number(r.revision))).toEqual([2, 3, 4, 5]);
    });

    it('booking sheet: a bad row stops the import with its row number; a good sheet previews, then publishes', async () => {
      const upload = (csv: string) =>
        app.inject({
          method: 'POST',
          url: `/info-sessions/booking-sheet?_csrf=${session.csrf}`,
          headers: { cookie: session.cookie, 'content-type': 'multipart/form-data; boundary=X' },
          payload: `--X\r\nContent-Disposition: form-data; name="sheet"; filename="varaukset.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--X--\r\n`,
        });
      const good = readFileSync('data/demo/example-sessions-autumn-2026.csv', 'utf8');
      const lines = good.split('\n');
      const bad = [...lines.slice(0, 3), lines[3]!.replace(/^[^,]*/, '31.2.2026'), ...lines.slice(4)].join('\n');
      const refused = await upload(bad);
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toMatch(/rivi 4|row 4/i);
      expect((await store.listRecords(db, 'infoSession')).length).toBe(0);

      const accepted = await upload(good);
      expect(accepted.statusCode).toBe(303);
      const preview = await app.inject({ url: accepted.headers.location!, headers: { cookie: session.cookie } });
      expect(preview.body).toMatch(/Esikatselu: \d+ tilaisuutta/);
      const apply = await app.inject({ method: 'POST', url: `${accepted.headers.location}/apply`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      expect(apply.statusCode).toBe(303);
      const feed = JSON.parse((await app.inject('/feed/catalogue.json')).body);
      expect(feed.infoSessions.length).toBeGreaterThan(0);
    });
  });
}

onPgliteAndPostgres(workbenchSuite, 'wb');
