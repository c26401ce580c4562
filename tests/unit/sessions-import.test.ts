/**
 * The coordinator's booking sheet → info sessions: the example sheet imports whole, and each
 * kind of bad row stops the import with its spreadsheet row number and what to fix.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSheet } from '@/utils/sessions/import-sheet';
import { aliasFileSchema, createOrganisationMatcher } from '@/utils/sessions/match-names';
import { bundledCatalogue, readJson, ROOT } from './helpers';

const EXAMPLE = 'data/demo/example-sessions-autumn-2026.csv';
const HEADER = 'pvm,alkaa,päättyy,toimipiste,järjestöt,kokemusasiantuntija,kohderyhmä,linkki,huom';
const GOOD_ROW = '17.9.2026,13.00,14.00,Myyrmäen terveysasema,"MIELI ry; Pääkaupunkiseudun omaishoitajat POLLI ry",kyllä,asukkaat,,';
const aliases = aliasFileSchema.parse(readJson('data/session-aliases.json'));
const sheet = (...rows: string[]) => [HEADER, ...rows].join('\n');
const run = (csv: string) => importSheet(csv, bundledCatalogue(), aliases);
const errorsOf = (csv: string) => {
  const result = run(csv);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
};

describe('importing the example booking sheet', () => {
  const result = run(readFileSync(resolve(ROOT, EXAMPLE), 'utf8'));
  const sessions = result.ok ? result.sessions : [];

  it('imports every row', () => {
    expect(result.ok).toBe(true);
    expect(sessions).toHaveLength(46);
  });

  it('turns a row into a session with Helsinki times, organisation ids and the experience expert', () => {
    expect(sessions.find((session) => session.id === '2026-09-17-myyrmaki-terveysasema-1300')).toEqual({
      id: '2026-09-17-myyrmaki-terveysasema-1300',
      siteId: 'myyrmaki-terveysasema',
      start: '2026-09-17T13:00:00+03:00',
      end: '2026-09-17T14:00:00+03:00',
      organisationIds: ['mieli-ry', 'polli-paakaupunkiseudun-omaishoitajat'],
      experienceExpert: true,
      audience: 'residents',
      cancelled: false,
    });
  });

  it('uses the winter offset after 25.10.2026', () => {
    expect(sessions.find((session) => session.id.startsWith('2026-11-26-myyrmaki'))?.start).toBe('2026-11-26T13:00:00+02:00');
  });

  it('marks PERUTTU as cancelled and keeps Teams infos for professionals with their link and note', () => {
    expect(sessions.filter((session) => session.cancelled).map((session) => session.id)).toEqual(['2026-10-29-tikkurila-terveysasema-1300']);
    const teams = sessions.find((session) => session.id === '2026-09-08-teams-ammattilaiset-1400');
    expect(teams).toMatchObject({
      audience: 'professionals',
      experienceExpert: false,
      online: { url: 'https://teams.microsoft.com/l/meetup-join/esimerkki-9' },
      note: 'Tallenne intraan',
      end: '2026-09-08T14:30:00+03:00',
    });
  });

  it('matches organisation names tolerantly: case, ry, word order, short names, bracketed abbreviations', () => {
    const match = createOrganisationMatcher(bundledCatalogue().organisations, aliases);
    expect(match('Pääkaupunkiseudun omaishoitajat POLLI ry')).toEqual({ id: 'polli-paakaupunkiseudun-omaishoitajat' });
    expect(match('POLLI')).toEqual({ id: 'polli-paakaupunkiseudun-omaishoitajat' });
    expect(match('ESKOT ry Tikkurilan Klubitalo')).toEqual({ id: 'eskot-tikkurilan-klubitalo' });
    expect(match('mieli ry')).toEqual({ id: 'mieli-ry' });
    expect(match('EHYT ry')).toEqual({ id: 'ehyt-ry' });
    expect(match('vantaan muistiyhdistys ry')).toEqual({ id: 'vantaan-muistiyhdistys' });
    expect(match('Sydän Vantaan')).toEqual({ id: 'vantaan-sydan' });
    expect(match('A-klinikka')).toEqual({ id: 'a-klinikkasaatio' }); // from data/session-aliases.json
    expect(match('Vantaan')).toMatchObject({ error: expect.stringContaining('unknown organisation "Vantaan"') });
    // One MIELI since the crisis line's duplicate record was merged into MIELI ry (curation.json).
    expect(match('MIELI Mielenterveys')).toEqual({ id: 'mieli-ry' });
    // Two organisations whose names share the written words: the coordinator must choose.
    const organisations = bundledCatalogue().organisations;
    const twoMieli = createOrganisationMatcher(
      [...organisations, { ...organisations.find((organisation) => organisation.id === 'mieli-ry')!, id: 'mieli-kriisipuhelin', name: 'MIELI Suomen Mielenterveys ry – Kriisipuhelin' }],
      aliases,
    );
    expect(twoMieli('MIELI Mielenterveys')).toMatchObject({ error: expect.stringContaining('matches several') });
  });
});

describe('a bad row stops the import with its row number and what to fix', () => {
  it('accepts a good row (the baseline of the cases below)', () => {
    expect(run(sheet(GOOD_ROW)).ok).toBe(true);
  });

  it.each([
    ['an unknown organisation', '17.9.2026,13.00,14.00,Myyrmäen terveysasema,"MIELI ry; Olematon yhdistys ry",kyllä,asukkaat,,', /^row 3: unknown organisation "Olematon yhdistys ry": check the spelling, or add it to data\/session-aliases\.json/],
    ['an unknown site', '17.9.2026,13.00,14.00,Hakunilan terveysasema,MIELI ry,kyllä,asukkaat,,', /^row 3: unknown site "Hakunilan terveysasema"/],
    ['a date in the wrong format', '2026-09-17,13.00,14.00,Myyrmäen terveysasema,MIELI ry,kyllä,asukkaat,,', /^row 3: date "2026-09-17" is not like 10\.9\.2026/],
    ['a date that does not exist', '31.9.2026,13.00,14.00,Myyrmäen terveysasema,MIELI ry,kyllä,asukkaat,,', /^row 3: date "31\.9\.2026" does not exist/],
    ['a bad time', '17.9.2026,25.00,14.00,Myyrmäen terveysasema,MIELI ry,kyllä,asukkaat,,', /^row 3: alkaa "25\.00" is not a time like 13\.00/],
    ['an end before the start', '17.9.2026,14.00,13.00,Myyrmäen terveysasema,MIELI ry,kyllä,asukkaat,,', /^row 3: päättyy 13\.00 is not after alkaa 14\.00/],
    ['no organisations', '17.9.2026,13.00,14.00,Myyrmäen terveysasema,,kyllä,asukkaat,,', /^row 3: järjestöt is empty/],
    ['an unknown audience', '17.9.2026,13.00,14.00,Myyrmäen terveysasema,MIELI ry,kyllä,kaikki,,', /^row 3: kohderyhmä "kaikki" must be asukkaat or ammattilaiset/],
    ['an unclear experience expert', '17.9.2026,13.00,14.00,Myyrmäen terveysasema,MIELI ry,ehkä,asukkaat,,', /^row 3: kokemusasiantuntija "ehkä" must be kyllä or ei/],
    ['a link that is not https', '17.9.2026,13.00,14.00,Teams (ammattilaisille),MIELI ry,ei,ammattilaiset,teams.microsoft.com/x,', /^row 3: linkki "teams\.microsoft\.com\/x" is not an https:\/\/ address/],
    ['a duplicated slot', GOOD_ROW, /^row 3: the same site and start time as row 2/],
  ])('%s', (_, row, message) => {
    const errors = errorsOf(sheet(GOOD_ROW, row));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('lists every problem at once, not only the first', () => {
    const errors = errorsOf(sheet('1.1.2026,13.00,12.00,Myyrmäen terveysasema,MIELI ry,kyllä,asukkaat,,', GOOD_ROW, '40.1.2026,13.00,14.00,Nowhere,Nobody,kyllä,asukkaat,,'));
    expect(errors.map((error) => error.split(':')[0])).toEqual(['row 2', 'row 4', 'row 4', 'row 4']);
  });

  it('counts rows as the spreadsheet does, across empty lines and cells with line breaks', () => {
    const noted = '17.9.2026,15.00,16.00,Myyrmäen terveysasema,MIELI ry,kyllä,asukkaat,,"Aulassa,\nkahvion vieressä"';
    const errors = errorsOf(sheet(GOOD_ROW, '', noted, '17.9.2026,13.00,14.00,Nowhere,MIELI ry,kyllä,asukkaat,,'));
    expect(errors).toEqual([expect.stringMatching(/^row 5: unknown site "Nowhere"/)]);
  });

  it('explains an organisation list that was not quoted', () => {
    const errors = errorsOf(sheet('17.9.2026,13.00,14.00,Myyrmäen terveysasema,MIELI ry, EHYT ry,kyllä,asukkaat,,'));
    expect(errors[0]).toMatch(/^row 2: Too many fields.*put a cell with commas in quotes/);
  });

  it('names a missing column', () => {
    expect(errorsOf('pvm,alkaa,toimipiste\n1.1.2026,13.00,Myyrmäen terveysasema')).toEqual([
      expect.stringMatching(/^row 1: missing column\(s\) päättyy, järjestöt/),
    ]);
  });
});

// A real process each: tsx starts in one to a few seconds on the 2-core CI machine.
describe('npm run catalogue -- import-sessions (all or nothing)', { timeout: 30_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'utils/cli/catalogue.ts'), 'import-sessions', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

  it('writes the catalogue with the sessions and a higher revision', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sessions-')), 'catalogue.json');
    const result = cli(EXAMPLE, '--out', out);
    expect(result.stdout).toContain('46 sessions (1 cancelled)');
    expect(result.status).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { revision: number; infoSessions: unknown[] };
    expect(written.infoSessions).toHaveLength(46);
    expect(written.revision).toBe(bundledCatalogue().revision + 1);
  });

  it('asks for --out rather than writing sessions into the bundled catalogue', () => {
    const result = cli(EXAMPLE);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('import-sessions needs --out <file>');
  });

  it('writes nothing when one row is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sessions-'));
    const csv = join(dir, 'sheet.csv');
    const out = join(dir, 'catalogue.json');
    writeFileSync(csv, `${readFileSync(resolve(ROOT, EXAMPLE), 'utf8').trimEnd()}\n3.12.2026,13.00,14.00,Myyrmäen terveysasema,Tuntematon ry,kyllä,asukkaat,,\n`);
    const result = cli(csv, '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('row 48: unknown organisation "Tuntematon ry"');
    expect(result.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  });
});
