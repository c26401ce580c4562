import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactsOf, hasOwnContacts, isReachable } from '@/utils/catalogue/contacts';
import { formatIssues, parseCatalogue } from '@/utils/catalogue/load';
import { formatReferralNote } from '@/utils/referral/format-note';
import { bundledCatalogue, readJson, ROOT } from './helpers';

/**
 * Schema v2 refuses what a person would call wrong (issue14 item 1, issue12 item 10), and the
 * note writes one line per fact whatever the data holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test edits arbitrary catalogue JSON to break it on purpose
type Json = Record<string, any>;
const fresh = () => structuredClone(readJson('data/catalogue.json')) as Json;
const serviceIndex = (catalogue: Json, id: string) => catalogue.services.findIndex((service: Json) => service.id === id);
const problems = (catalogue: Json) => {
  const result = parseCatalogue(catalogue);
  return result.success ? [] : formatIssues(catalogue, result.issues);
};

const CRISIS = 'mieli-ry-mieli-kriisipuhelin';

describe('catalogue schema v2', () => {
  it('the bundled catalogue is v2 and the crisis line has its own phones with hours', () => {
    const catalogue = bundledCatalogue();
    expect(catalogue.schemaVersion).toBe(2);
    const crisis = catalogue.services.find((service) => service.id === CRISIS)!;
    expect(crisis.phones[0]).toMatchObject({ number: '+358925250111', display: '09 2525 0111', hours: { kind: 'always' } });
    expect(hasOwnContacts(crisis)).toBe(true);
    // Every service-level contact keeps the page it came from.
    for (const service of catalogue.services.filter(hasOwnContacts)) expect(service.sources.length).toBeGreaterThan(0);
  });

  it.each([
    ['a newline in a name', (c: Json) => (c.services[0].name = 'Kriisipuhelin\nYhteystiedot tarkistettu 1.1.2026'), /services\[0\].*name: contains a control/],
    ['a bidi override', (c: Json) => (c.services[0].description = 'Soita \u202e1110 5252 90\u202c nyt, apua saa heti.'), /description: contains a control, bidi or invisible character \(U\+202E\)/],
    ['a zero-width space', (c: Json) => (c.organisations[0].name = 'MIELI\u200b ry'), /organisations\[0\].*name: .*U\+200B/],
    ['user info in a URL', (c: Json) => (c.organisations[0].website = 'https://www.mieli.fi@evil.example/'), /website: url has user info before "@": the link really goes to evil.example/],
    ['an overlong description', (c: Json) => (c.services[0].description = 'a'.repeat(2001)), /description: Too big/],
    ['a phone display that dials another number', (c: Json) => (c.services[serviceIndex(c, CRISIS)].phones[0].display = '09 2525 0112'), /display "09 2525 0112" dials \+358925250112, not \+358925250111/],
    ['a service number shown as another', (c: Json) => (c.organisations.find((o: Json) => o.id === 'nollalinja') ?? c.services.find((s: Json) => s.phones.some((p: Json) => p.number === '116016'))).phones.forEach((p: Json) => p.number === '116016' && (p.display = '116 117')), /not the service number 116016/],
    ['hours that end before they start', (c: Json) => (c.services[serviceIndex(c, CRISIS)].hours = { kind: 'weekly', rules: [{ days: ['MO'], opens: '15:00', closes: '09:00' }] }), /hours\.rules\[0\]\.closes: closes before it opens/],
    ['an exception that opens but never closes', (c: Json) => (c.services[serviceIndex(c, CRISIS)].hours = { kind: 'weekly', rules: [{ days: ['MO'], opens: '09:00', closes: '15:00' }], exceptions: [{ date: '2026-12-24', opens: '09:00' }] }), /hours\.exceptions\[0\]\.closes: give both opens and closes/],
    ['a verification without who', (c: Json) => Object.assign(c.services[0], { verifiedAt: '2026-12-03', verifiedFields: ['phones'] }), /verifiedBy: verifiedAt needs verifiedBy/],
    ['a verification without what', (c: Json) => Object.assign(c.services[0], { verifiedAt: '2026-12-03', verifiedBy: 'VAKE' }), /verifiedFields: verifiedAt needs verifiedFields/],
  ])('refuses %s, naming record and field', (_what, breakIt, expected) => {
    const catalogue = fresh();
    breakIt(catalogue);
    const lines = problems(catalogue);
    expect(lines.some((line) => expected.test(line)), lines.join('\n')).toBe(true);
  });

  it('accepts a person’s verification with who and what', () => {
    const catalogue = fresh();
    Object.assign(catalogue.services[0], { verifiedAt: '2026-12-03', verifiedBy: 'VAKE järjestöyhteistyö', verifiedFields: ['phones', 'hours'] });
    expect(problems(catalogue)).toEqual([]);
  });

  it('`validate` reports each problem of a hostile file, one line each', () => {
    const catalogue = fresh();
    catalogue.services[0].name = 'A\nB';
    catalogue.organisations[0].website = 'https://www.mieli.fi@evil.example/';
    catalogue.services[serviceIndex(catalogue, CRISIS)].phones[0].display = '09 2525 0112';
    const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'bad.json');
    writeFileSync(file, JSON.stringify(catalogue));
    const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'utils/cli/catalogue.ts'), 'validate', file], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/INVALID .*: 3 problem\(s\)/);
    expect(run.stderr).toMatch(/name: contains a control/);
    expect(run.stderr).toMatch(/user info/);
    expect(run.stderr).toMatch(/dials \+358925250112/);
  });
});

describe('contacts and the note', () => {
  const catalogue = bundledCatalogue();
  const organisation = (id: string) => catalogue.organisations.find((candidate) => candidate.id === id)!;

  it("uses the service's own contacts, and the organisation's only when it has none", () => {
    const crisis = catalogue.services.find((service) => service.id === CRISIS)!;
    expect(contactsOf(crisis, organisation('mieli-ry')).owner).toBe('service');
    const polli = catalogue.services.find((service) => service.organisationId === 'polli-paakaupunkiseudun-omaishoitajat')!;
    expect(contactsOf(polli, organisation(polli.organisationId))).toMatchObject({ owner: 'organisation', website: organisation(polli.organisationId).website });
  });

  it('leaves out of results what nobody can reach, or what has ended (kept in the data)', () => {
    const hidden = catalogue.services.filter((service) => !isReachable(service, organisation(service.organisationId)));
    expect(hidden.map((service) => service.organisationId)).toContain('yhteinen-poyta-vantaa');
    const crisis = catalogue.services.find((service) => service.id === CRISIS)!;
    expect(isReachable({ ...crisis, status: 'ended' }, organisation('mieli-ry'))).toBe(false);
  });

  it('writes one line per fact whatever the data holds, and links by host', () => {
    const crisis = catalogue.services.find((service) => service.id === CRISIS)!;
    const hostile = {
      ...crisis,
      name: 'Kriisipuhelin\nYhteystiedot tarkistettu 1.1.2026',
      phones: [{ ...crisis.phones[0]!, label: 'Soita\r\n\u202eheti' }],
      website: 'https://mieli.fi/helpline',
    };
    const note = formatReferralNote({ service: hostile, organisation: organisation('mieli-ry'), date: new Date('2026-12-03T10:00:00Z'), language: 'fi' });
    const lines = note.split('\n');
    expect(lines[1]).toBe('Palvelu: Kriisipuhelin Yhteystiedot tarkistettu 1.1.2026');
    expect(lines.filter((line) => line.startsWith('Yhteystiedot tarkistettu'))).toEqual([]);
    expect(note).not.toMatch(/[\u202e\r]/u);
    expect(note).toContain('Puhelin: 09 2525 0111 (Soita heti, 24/7)');
    expect(note).toContain('Verkossa: mieli.fi/helpline');
    expect(lines.at(-1)).toBe('Yhteystiedot tarkistamatta: varmista ennen yhteydenottoa.');
  });
});
