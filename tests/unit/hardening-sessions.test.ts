/**
 * The booking sheet and the badge (issue 12, item 11): Finnish Excel's Windows-1252 CSV is read
 * correctly (and the coordinator is told to save as CSV UTF-8), every usual spelling of
 * "cancelled" counts, and the badge follows a feed swap that changes today's sessions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStoragePackedFeedStore } from '@/utils/catalogue/feed-store';
import { feedDatabase } from '@/utils/catalogue/feed-db';
import { FEED_PARTS_STORE, feedPartKey } from '@/utils/catalogue/feed-keys';
import { readSessionsInUse } from '@/utils/catalogue/open';
import type { Catalogue } from '@/utils/catalogue/schema';
import { setupSessionsBackground } from '@/utils/sessions/background';
import { decodeSheet, importSheet } from '@/utils/sessions/import-sheet';
import { aliasFileSchema } from '@/utils/sessions/match-names';
import { homeSitesItem } from '@/utils/storage';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { bundledCatalogue, readJson, ROOT } from './helpers';
import { catalogueWith, session } from './sessions-fixtures';
import { bundledHeader, catalogueInUse, testAdapters } from './sync-browser-fixtures';

const HEADER = 'pvm,alkaa,päättyy,toimipiste,järjestöt,kokemusasiantuntija,kohderyhmä,linkki,huom';
const row = (huom: string) => `17.9.2026,13.00,14.00,Myyrmäen terveysasema,"MIELI ry; Pääkaupunkiseudun omaishoitajat POLLI ry",kyllä,asukkaat,,${huom}`;
const aliases = aliasFileSchema.parse(readJson('data/session-aliases.json'));
const run = (csv: string) => importSheet(csv, bundledCatalogue(), aliases);

/** What Finnish Excel's "CSV (luetteloerotin)" writes: semicolons, Windows-1252, CRLF. */
function excelSemicolonWindows1252(): Buffer {
  const text = [HEADER.replaceAll(',', ';'), '17.9.2026;13.00;14.00;Myyrmäen terveysasema;"MIELI ry; Pääkaupunkiseudun omaishoitajat POLLI ry";kyllä;asukkaat;;'].join('\r\n');
  return Buffer.from(text, 'latin1'); // ä, ö, å have the same bytes in Windows-1252
}

describe('booking sheet from Finnish Excel (Windows-1252)', () => {
  it('is decoded correctly, with advice to save as CSV UTF-8', () => {
    const decoded = decodeSheet(excelSemicolonWindows1252());
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.notice).toMatch(/tallenna muodossa CSV UTF-8/);
    const result = run(decoded.text);
    expect(result.ok && result.sessions.map((s) => s.siteId)).toEqual(['myyrmaki-terveysasema']);
  });

  it('a UTF-8 sheet is read as UTF-8, without a notice', () => {
    expect(decodeSheet(Buffer.from([HEADER, row('')].join('\n'), 'utf8'))).toEqual({ text: [HEADER, row('')].join('\n'), encoding: 'utf-8' });
  });

  it('text that was misread as UTF-8 elsewhere is refused with the same advice, not "unknown organisation"', () => {
    const misread = excelSemicolonWindows1252().toString('utf8');
    const result = run(misread);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^row 1: the sheet is not UTF-8.*tallenna muodossa CSV UTF-8/)]);
  });

  it('the CLI imports the Windows-1252 file and says how to save it next time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheet-'));
    const sheet = join(dir, 'varaukset.csv');
    writeFileSync(sheet, excelSemicolonWindows1252());
    const out = join(dir, 'out.json');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'utils/cli/catalogue.ts'), 'import-sessions', sheet, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/tallenna muodossa CSV UTF-8/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Catalogue).infoSessions).toHaveLength(1);
  }, 60_000);
});

describe('cancelled, however the coordinator spells it', () => {
  it.each([
    ['PERUTTU', ''],
    ['PERUUTETTU', ''],
    ['peruutettu - sairastuminen', 'sairastuminen'],
    ['Peruttu!', ''],
    ['Tilaisuus peruttu', ''],
    ['peruuntunut: tila remontissa', 'tila remontissa'],
    ['Inställd', ''],
    ['CANCELLED (flu)', '(flu)'],
  ])('"%s" counts as cancelled', (huom, note) => {
    const result = run([HEADER, row(huom)].join('\n'));
    expect(result.ok).toBe(true);
    const [imported] = result.ok ? result.sessions : [];
    expect(imported?.cancelled).toBe(true);
    expect(imported?.note ?? '').toBe(note);
  });

  it.each(['Ei peruttu, pidetään normaalisti', 'Perustietoa omaishoidosta', 'Tuo peruskorttisi'])('"%s" does not', (huom) => {
    const result = run([HEADER, row(huom)].join('\n'));
    expect(result.ok && result.sessions[0]?.cancelled).toBe(false);
  });
});

describe('the badge follows a feed swap', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T12:30:00+02:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a new feed catalogue with a session today at her site sets the badge at once', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no policy'));
    await homeSitesItem.setValue({ siteIds: ['myyrmaki-terveysasema'], dismissed: true });
    // The catalogue in use as the background opens it: the stored packed feed when it is newer,
    // else the bundled one (here without sessions).
    const bundledSessions = catalogueWith();
    const sessions = async () => {
      const inUse = await catalogueInUse();
      return inUse.source === 'bundled' ? bundledSessions : readSessionsInUse(inUse);
    };
    setupSessionsBackground(testAdapters({ catalogue: { sessions } }));
    await vi.waitFor(() => expect(text).toHaveBeenLastCalledWith({ text: '' }));

    // The sync swaps in the wellbeing area's feed with today's session (packed and stored as the sync stores it).
    const feed = { ...catalogueWith(session('s', 'myyrmaki-terveysasema', '2026-11-26T13:00:00+02:00', '2026-11-26T14:00:00+02:00')), revision: bundledHeader().revision + 1 };
    await createStoragePackedFeedStore().write(packWithBundledSynonyms(feed), { acceptedAt: '2026-11-26T10:30:00.000Z', etag: null, signerKey: 'K' });
    await vi.waitFor(() => expect(text).toHaveBeenLastCalledWith({ text: '1' }));
  });

  it("the badge reads a synced feed's sessions from its small header record, never its index (the worker wakes as a popup opens)", async () => {
    const feed = { ...catalogueWith(session('s', 'myyrmaki-terveysasema', '2026-11-26T13:00:00+02:00', '2026-11-26T14:00:00+02:00')), revision: bundledHeader().revision + 1 };
    const pointer = await createStoragePackedFeedStore().write(packWithBundledSynonyms(feed), { acceptedAt: '2026-11-26T10:30:00.000Z', etag: null, signerKey: 'K' });
    const expected = packWithBundledSynonyms(feed).index.sessions;
    expect(expected.infoSessions).toHaveLength(1);
    const db = await feedDatabase();
    await db.delete(FEED_PARTS_STORE, feedPartKey(pointer.id, 'index'));
    expect(await readSessionsInUse(await catalogueInUse())).toEqual(expected);
    // A tampered header record is not used.
    await db.put(FEED_PARTS_STORE, { sessions: { sites: 'x' } }, feedPartKey(pointer.id, 'header'));
    expect(await readSessionsInUse(await catalogueInUse())).toBeUndefined();
  });
});
