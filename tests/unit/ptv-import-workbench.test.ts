/**
 * The PTV import wired into the workbench (issue 21, items 1 and 2), against the fake PTV
 * server replaying the v11 fixtures: the `import-ptv` command and its --json summary, drafts
 * that stay out of the feed, the "Tuonnit" review (field diffs, accept / reject per field, a
 * rejected change not asked again until PTV changes it again), match proposals by business id,
 * provenance without verification, and the daily schedule with an injected clock.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSigningKeyPair, type SigningKeyPair } from '@/utils/sync/signature';
import { buildApp } from '@/workbench/src/app';
import { importBundledIfEmpty } from '@/workbench/src/bundled-catalogue';
import { main } from '@/workbench/src/cli';
import { openPglite, type Db } from '@/workbench/src/db/db';
import { migrate } from '@/workbench/src/db/migrate';
import { hashPassword } from '@/workbench/src/passwords';
import { createPtvV11Source } from '@/workbench/src/ptv/client/v11';
import { startFakePtv, type FakePtvServer } from '@/workbench/src/ptv/fake-server';
import { matchProposals } from '@/workbench/src/ptv-import/review';
import { importPtvIntoDb } from '@/workbench/src/ptv-import/run';
import { nextDailyRun, startDailySchedule, type ScheduleClock } from '@/workbench/src/ptv-import/schedule';
import { publish } from '@/workbench/src/publishing';
import * as store from '@/workbench/src/store';
import { FIXTURES, ids, noWait, trilingualSummary } from '../workbench/ptv-helpers';

const dirs: string[] = [];
const servers: FakePtvServer[] = [];
afterAll(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The fixtures with the trilingual service's visiting-address channel changed by `edit`. */
function editedFixtures(edit: (channel: { phoneNumbers: Array<{ number: string }>; emails: Array<{ value: string }> }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'jo-ptv-fixtures-'));
  dirs.push(dir);
  cpSync(FIXTURES, dir, { recursive: true });
  const file = join(dir, 'channels.json');
  const channels = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; phoneNumbers: Array<{ number: string }>; emails: Array<{ value: string }> }>;
  edit(channels.find((channel) => channel.id.endsWith('3e8001'))!);
  writeFileSync(file, JSON.stringify(channels));
  return dir;
}
const NEW_PHONE = '401234568';
const withNewPhone = (channel: Parameters<Parameters<typeof editedFixtures>[0]>[0]) => {
  // Every language version of the channel lists the number.
  for (const phone of channel.phoneNumbers) if (phone.number === '401234567') phone.number = NEW_PHONE;
};
const withNewEmail = (address: string) => (channel: Parameters<Parameters<typeof editedFixtures>[0]>[0]) => {
  withNewPhone(channel);
  channel.emails[0]!.value = address;
};

async function fakePtv(dir = FIXTURES): Promise<FakePtvServer> {
  const server = await startFakePtv(dir);
  servers.push(server);
  return server;
}

describe('npm run workbench -- import-ptv', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  /** Runs the command as `npm run workbench` does and returns what it wrote to stdout. */
  async function run(args: string[]): Promise<{ code: number; stdout: string }> {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const code = await main(args);
      return { code, stdout: written.join('') };
    } finally {
      spy.mockRestore();
    }
  }

  it('--json prints exactly the summary; a second run is all unchanged; a changed phone is changed; the municipal service is skipped with its reason', async () => {
    vi.stubEnv('DATABASE_URL', '');
    const dir = mkdtempSync(join(tmpdir(), 'jo-wb-ptv-'));
    dirs.push(dir);
    const original = await fakePtv();
    const args = (base: string) => ['import-ptv', '--api', base, '--municipality', '092', '--municipality', '245', '--data', join(dir, 'data'), '--json'];

    const first = await run(args(original.baseUrl));
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(first.stdout);
    expect(Object.keys(summary)).toEqual(['new', 'changed', 'unchanged', 'skipped', 'services']);
    expect({ ...summary, services: undefined }).toEqual({ new: 4, changed: 0, unchanged: 0, skipped: 1, services: undefined });
    expect(summary.services.find((service: { ptvId: string }) => service.ptvId === ids.trilingual)).toEqual(trilingualSummary);
    expect(summary.services.find((service: { ptvId: string }) => service.ptvId === ids.municipal)).toMatchObject({
      status: 'skipped',
      reason: 'responsible organisation is Municipality, not an NGO (Järjestöt ja yhteisöt)',
    });

    const second = JSON.parse((await run(args(original.baseUrl))).stdout);
    expect({ new: second.new, changed: second.changed, unchanged: second.unchanged, skipped: second.skipped }).toEqual({ new: 0, changed: 0, unchanged: 4, skipped: 1 });
    expect(second.services.filter((service: { status: string }) => service.status !== 'skipped').every((service: { status: string }) => service.status === 'unchanged')).toBe(true);

    const changedPtv = await fakePtv(editedFixtures(withNewPhone));
    const third = JSON.parse((await run(args(changedPtv.baseUrl))).stdout);
    expect({ new: third.new, changed: third.changed, unchanged: third.unchanged }).toEqual({ new: 0, changed: 1, unchanged: 3 });
    expect(third.services.find((service: { ptvId: string }) => service.ptvId === ids.trilingual)).toMatchObject({ status: 'changed', phones: ['+358401234568', '+358981234567'] });

    // Every run is in the audit history; nothing reached the records (so nothing the feed could carry).
    const db = await openPglite(join(dir, 'data', 'pgdata'));
    try {
      const runs = await store.auditHistory(db, { kind: 'ptv-import' });
      expect(runs.map((entry) => entry.action)).toEqual(['ptv-import', 'ptv-import', 'ptv-import']);
      expect(runs[0]!.after).toMatchObject({ changed: 1, municipalities: ['092', '245'] });
      const services = await store.listRecords(db, 'service');
      expect(services.some((record) => String(record.data.name) === 'Keskusteluapua aikuisille')).toBe(false);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('refuses import-ptv without a municipality, and --json on another command', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    expect(await main(['import-ptv', '--data', join(tmpdir(), 'never-used')], {})).toBe(2);
    expect(await main(['publish', '--json'], {})).toBe(2);
    expect(await main(['import-ptv', '--municipality', '92'], {})).toBe(2);
    expect(errors.join('\n')).toMatch(/needs --municipality/);
    expect(errors.join('\n')).toMatch(/--json is an import-ptv flag/);
    expect(errors.join('\n')).toMatch(/three-digit codes/);
  });
});

const EMAIL = 'anna@example.fi';
const PASSWORD = 'oikea hevonen patteri niitti';
const NOW = new Date('2025-06-01T09:00:00Z');

describe('Tuonnit: reviewing PTV drafts in the workbench', () => {
  let db: Db;
  let app: FastifyInstance;
  let key: SigningKeyPair;
  let cookie: string;
  let csrf: string;

  const importFrom = async (server: FakePtvServer) =>
    importPtvIntoDb(db, { source: createPtvV11Source({ baseUrl: server.baseUrl, ...noWait }), baseUrl: server.baseUrl, municipalities: ['092', '245'], by: 'test', now: NOW });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, payload: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie }, payload: { _csrf: csrf, ...payload } });
  const feed = async () => JSON.parse((await app.inject('/feed/catalogue.json')).body) as { services: Array<Record<string, unknown>> };
  const row = async (ptvId: string) => (await store.getPtvService(db, ptvId))!;

  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
    await importBundledIfEmpty(db);
    key = await generateSigningKeyPair();
    await publish(db, { key, actor: 'start' });
    await store.addMaintainer(db, EMAIL, await hashPassword(PASSWORD));
    app = await buildApp({ db, key, publicUrl: 'http://127.0.0.1:1', now: () => NOW });
    const login = await app.inject({ method: 'POST', url: '/login', payload: { email: EMAIL, password: PASSWORD, next: '/' } });
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
    csrf = /name="_csrf" value="([^"]+)"/.exec((await get('/')).body)![1]!;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('lists the new drafts, paged; nothing is in the feed before a maintainer accepts it', async () => {
    await importFrom(await fakePtv());
    const list = await get('/imports?state=new');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Keskusteluapua aikuisille');
    expect(list.body).toMatch(/Uudet \(4\)/);
    expect(list.body).toMatch(/Ohitetut \(1\)/);
    expect((await get('/imports?state=skipped')).body).toContain('not an NGO');
    // A page past the end is an empty page, not an error.
    expect((await get('/imports?state=new&page=9')).body).toContain('Ei palveluja tässä ryhmässä.');
    await publish(db, { key, actor: EMAIL });
    expect((await feed()).services.some((service) => service.name === 'Keskusteluapua aikuisille')).toBe(false);
  });

  it('every form needs the CSRF token', async () => {
    const refused = await app.inject({ method: 'POST', url: `/imports/ptv/${ids.trilingual}/decide`, headers: { cookie }, payload: { decision: 'accept' } });
    expect(refused.statusCode).toBe(403);
    expect((await row(ids.trilingual)).recordId).toBeNull();
  });

  it('accepting a new service is checked as a save is (the catalogue as publishing checks it) before anything is written', async () => {
    const organisations = (await store.listRecords(db, 'organisation')).length;
    // A category the catalogue does not have passes the service schema but not the publish check.
    const refused = await post(`/imports/ptv/${ids.trilingual}/decide`, { decision: 'accept', category: 'ei-tallaista-luokkaa' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('ei-tallaista-luokkaa');
    expect((await row(ids.trilingual)).recordId).toBeNull();
    // Nothing left behind: not even the organisation the service would have needed.
    expect((await store.listRecords(db, 'organisation')).length).toBe(organisations);
  });

  it('accepting a new service creates the record: PTV as its source, provenance kept, not verified; in the feed after publishing', async () => {
    const page = await get(`/imports/ptv/${ids.trilingual}`);
    expect(page.body).toContain('data-testid="field-diff"');
    const category: Record<string, string> = /name="category"/.test(page.body) ? { category: 'keskusteluapu' } : {};
    const accepted = await post(`/imports/ptv/${ids.trilingual}/decide`, { decision: 'accept', ...category });
    expect(accepted.statusCode, accepted.body).toBe(303);
    const linked = await row(ids.trilingual);
    expect(linked.review).toBe('done');
    const record = (await store.getRecord(db, 'service', linked.recordId!))!.data;
    expect(record).toMatchObject({ name: 'Keskusteluapua aikuisille', names: { sv: 'Samtalsstöd för vuxna', en: 'Someone to talk to for adults' }, verifiedAt: null, verifiedFields: [] });
    // The Swedish and English descriptions are review fields like the names, and land in `descriptions`.
    expect(record).toMatchObject({
      description: 'Koulutetut vapaaehtoiset kuuntelevat, kun elämässä on vaikeaa. Voit tulla ilman ajanvarausta tai soittaa.',
      descriptions: { sv: 'Utbildade frivilliga lyssnar när livet känns svårt. Du kan komma utan tidsbokning eller ringa.', en: 'Trained volunteers listen when life feels hard. Come without an appointment or call.' },
    });
    // PTV lists the phone once per language version: the Swedish and English additional information become its `labels`.
    expect((record.phones as unknown[])[0]).toEqual({
      number: '+358401234567',
      display: '040 1234567',
      label: 'Olohuoneen päivystys',
      labels: { sv: 'Vardagsrummets jour', en: 'Living room drop-in line' },
    });
    expect(record.sources).toEqual([`${linked.sourceUrl}`]);
    expect(linked.sourceUrl).toMatch(new RegExp(`/api/v11/Service/${ids.trilingual}$`));
    const decisions = (await store.ptvDecisions(db, ids.trilingual)).get(ids.trilingual)!;
    expect(decisions.filter((decision) => decision.field.startsWith('descriptions.')).map((decision) => decision.field).sort()).toEqual(['descriptions.en', 'descriptions.sv']);
    expect(decisions.find((decision) => decision.field === 'phones')).toMatchObject({ decision: 'accepted', ptvModified: '2025-03-10T08:12:44.123456', importedAt: NOW, decidedBy: EMAIL });
    expect((await get(`/imports/ptv/${ids.trilingual}`)).body).toContain('data-testid="provenance"');
    expect((await store.auditHistory(db, { kind: 'ptv', recordId: ids.trilingual })).map((entry) => entry.action)).toEqual(['ptv-accept']);

    await publish(db, { key, actor: EMAIL });
    const published = (await feed()).services.find((service) => service.id === linked.recordId);
    expect(published).toMatchObject({ name: 'Keskusteluapua aikuisille', verifiedAt: null, verifiedFields: [] });
  });

  it('a PTV change is a field diff; accept one field, reject another; the rejected value is not asked again until PTV changes it again', async () => {
    const changed = await importFrom(await fakePtv(editedFixtures(withNewEmail('uusi@esimerkkiyhdistys.example'))));
    expect(changed.summary.services.find((service) => service.ptvId === ids.trilingual)?.status).toBe('changed');
    const draft = await row(ids.trilingual);
    expect(draft.review).toBe('changed');
    expect(draft.pending.map((item) => item.field).sort()).toEqual(['email', 'phones']);
    expect(draft.pending.find((item) => item.field === 'phones')).toMatchObject({
      old: [expect.objectContaining({ number: '+358401234567' }), expect.objectContaining({ number: '+358981234567' })],
      new: [expect.objectContaining({ number: '+358401234568' }), expect.objectContaining({ number: '+358981234567' })],
    });
    const page = (await get(`/imports/ptv/${ids.trilingual}`)).body;
    expect(page).toMatch(/<tr data-field="phones">[\s\S]*040 1234567[\s\S]*040 1234568/);
    expect((await get('/imports?state=changed')).body).toContain('Puhelinnumerot, Sähköposti');

    expect((await post(`/imports/ptv/${ids.trilingual}/decide`, { decision: 'accept', field: 'phones' })).statusCode).toBe(303);
    expect((await post(`/imports/ptv/${ids.trilingual}/decide`, { decision: 'reject', field: 'email' })).statusCode).toBe(303);
    const record = (await store.getRecord(db, 'service', draft.recordId!))!.data;
    expect((record.phones as Array<{ number: string }>).map((phone) => phone.number)).toEqual(['+358401234568', '+358981234567']);
    expect(record.email).toBe('olohuone@esimerkkiyhdistys.example');
    expect((await row(ids.trilingual)).review).toBe('done');

    // Same PTV data again: the rejected e-mail is not asked again.
    const again = await importFrom(await fakePtv(editedFixtures(withNewEmail('uusi@esimerkkiyhdistys.example'))));
    expect(again.summary.services.find((service) => service.ptvId === ids.trilingual)?.status).toBe('unchanged');
    expect((await row(ids.trilingual)).review).toBe('done');

    // PTV changes the e-mail again: asked, and only that.
    await importFrom(await fakePtv(editedFixtures(withNewEmail('toinen@esimerkkiyhdistys.example'))));
    const asked = await row(ids.trilingual);
    expect(asked.review).toBe('changed');
    expect(asked.pending).toEqual([{ field: 'email', old: 'olohuone@esimerkkiyhdistys.example', new: 'toinen@esimerkkiyhdistys.example' }]);
    const actions = (await store.auditHistory(db, { kind: 'ptv', recordId: ids.trilingual })).map((entry) => entry.action);
    expect(actions).toEqual(['ptv-reject', 'ptv-accept', 'ptv-accept']);
  });

  it('proposes a hand-made record of the same organisation by business id, and matching links it', async () => {
    // A hand-made service of the organisation the accepted service created (business id 1234567-1).
    const organisationId = String((await store.getRecord(db, 'service', (await row(ids.trilingual)).recordId!))!.data.organisationId);
    const handMade = {
      ...(await store.listRecords(db, 'service'))[0]!.data,
      id: 'esimerkkiyhdistys-ruokajakelu',
      organisationId,
      name: 'Ruokajakelu Tikkurilassa',
      verifiedAt: null,
      verifiedFields: [],
    };
    delete (handMade as Record<string, unknown>).verifiedBy;
    expect((await store.saveRecord(db, 'service', handMade.id, handMade, EMAIL)).ok).toBe(true);

    const food = await row(ids.nulls);
    expect(food.draft.organisation.businessCode).toBe('1234567-1');
    const proposals = await matchProposals(db, food);
    expect(proposals[0]).toMatchObject({ serviceId: 'esimerkkiyhdistys-ruokajakelu', byBusinessId: true });
    const page = (await get(`/imports/ptv/${ids.nulls}`)).body;
    expect(page).toContain('data-testid="match-proposals"');
    expect(page).toContain('sama y-tunnus');

    expect((await post(`/imports/ptv/${ids.nulls}/match`, { serviceId: 'esimerkkiyhdistys-ruokajakelu' })).statusCode).toBe(303);
    const matched = await row(ids.nulls);
    expect(matched.recordId).toBe('esimerkkiyhdistys-ruokajakelu');
    // Now the differences with the hand-made record are asked field by field.
    expect(matched.review).toBe('changed');
    expect(matched.pending.find((item) => item.field === 'name')).toEqual({ field: 'name', old: 'Ruokajakelu Tikkurilassa', new: 'Ruoka-apu' });
  });

  it('a linked service gone from PTV asks to end or keep the record', async () => {
    const server = await fakePtv(editedFixtures(withNewEmail('toinen@esimerkkiyhdistys.example')));
    // The 245 list no longer carries the crisis line; its draft is gone (never accepted, so nothing to decide).
    const outcome = await importPtvIntoDb(db, { source: createPtvV11Source({ baseUrl: server.baseUrl, ...noWait }), baseUrl: server.baseUrl, municipalities: ['092'], by: 'test', now: NOW });
    expect(outcome.gone).toEqual([ids.crisisLine]);
    expect((await row(ids.crisisLine)).review).toBe('done');
    expect((await store.auditHistory(db, { kind: 'ptv-import', limit: 1 }))[0]!.after).toMatchObject({ gone: 1 });
  });
});

describe('the daily PTV import', () => {
  function fakeClock(start: string) {
    let now = new Date(start);
    const timers: Array<{ run: () => void; at: number }> = [];
    const clock: ScheduleClock = {
      now: () => now,
      setTimeout: (run, ms) => {
        const timer = { run, at: now.getTime() + ms };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (handle) => {
        timers.splice(timers.indexOf(handle as (typeof timers)[number]), 1);
      },
    };
    /** Moves the clock to the next timer and fires it. */
    const tick = async () => {
      const timer = timers.shift()!;
      now = new Date(timer.at);
      timer.run();
      await new Promise((resolve) => setImmediate(resolve));
      return now;
    };
    return { clock, timers, tick };
  }

  it('fires at the configured Helsinki time every day, across daylight saving, and again after a failed run', async () => {
    // 27 March 2027 12:00 in Helsinki (EET); the clocks go forward that night.
    const { clock, timers, tick } = fakeClock('2027-03-27T10:00:00Z');
    const runs: string[] = [];
    const lines: string[] = [];
    const schedule = startDailySchedule({
      at: '05:00',
      clock,
      log: (line) => lines.push(line),
      run: async () => {
        runs.push(clock.now().toISOString());
        if (runs.length === 2) throw new Error('PTV answered 503');
      },
    });
    expect(schedule.next().toISOString()).toBe('2027-03-28T02:00:00.000Z'); // 05:00 EEST
    expect(timers).toHaveLength(1);
    expect(runs).toEqual([]);
    await tick();
    await tick();
    await tick();
    expect(runs).toEqual(['2027-03-28T02:00:00.000Z', '2027-03-29T02:00:00.000Z', '2027-03-30T02:00:00.000Z']);
    expect(lines).toEqual(['scheduled PTV import failed: PTV answered 503']);
    schedule.stop();
    expect(timers).toHaveLength(0);
  });

  it('the next run is later today if the time has not come, else tomorrow', () => {
    expect(nextDailyRun('03:30', new Date('2026-12-03T01:00:00Z')).toISOString()).toBe('2026-12-03T01:30:00.000Z');
    expect(nextDailyRun('03:30', new Date('2026-12-03T01:30:00Z')).toISOString()).toBe('2026-12-04T01:30:00.000Z');
  });
});
