import { describe, expect, it } from 'vitest';
import { formatCombinedNote } from '@/utils/handoff/combined-note';
import { liveCurrentNote } from '@/utils/handoff/current-note';
import { mainContactOf } from '@/utils/handoff/main-contact';
import { addPick, EMPTY_PICK_LIST, isPicked, livePickList, movePick, PICK_LIFETIME_MS, PICK_LIMIT, removePick } from '@/utils/handoff/pick-list';
import { createNoteInserter, type InsertReport, type NoteInserterDeps } from '@/utils/handoff/insert-note';
import { forClient, printedServices } from '@/utils/handoff/printout';
import { contactsOf } from '@/utils/catalogue/contacts';
import { formatReferralNote } from '@/utils/referral/format-note';
import { bundledCatalogue } from './helpers';

const catalogue = bundledCatalogue();
const entries = catalogue.services.slice(0, 7).map((service) => ({
  service,
  organisation: catalogue.organisations.find((organisation) => organisation.id === service.organisationId)!,
}));
const NOW = Date.parse('2026-11-26T11:00:00Z');

describe('the pick list', () => {
  it('adds up to five services once each, in order; the first pick starts the clock', () => {
    let list = EMPTY_PICK_LIST;
    for (const [position, entry] of entries.entries()) list = addPick(list, entry, NOW + position);
    expect(list.entries.map((entry) => entry.service.id)).toEqual(entries.slice(0, PICK_LIMIT).map((entry) => entry.service.id));
    expect(list.startedAt).toBe(NOW);
    expect(addPick(list, entries[0]!, NOW + 99)).toBe(list);
  });

  it('moves and removes; removing the last one empties it', () => {
    let list = EMPTY_PICK_LIST;
    for (const entry of entries.slice(0, 3)) list = addPick(list, entry, NOW);
    const [a, b, c] = entries.map((entry) => entry.service.id);
    expect(movePick(list, c!, -1).entries.map((entry) => entry.service.id)).toEqual([a, c, b]);
    expect(movePick(list, a!, -1)).toBe(list);
    expect(movePick(list, a!, 5).entries.map((entry) => entry.service.id)).toEqual([b, c, a]);
    list = removePick(list, b!);
    expect(isPicked(list, b!)).toBe(false);
    expect(removePick(removePick(list, a!), c!)).toEqual(EMPTY_PICK_LIST);
  });

  it('is forgotten two hours after the first pick, and a malformed one reads as empty', () => {
    const list = addPick(EMPTY_PICK_LIST, entries[0]!, NOW);
    expect(livePickList(list, NOW + PICK_LIFETIME_MS - 1)).toEqual(list);
    expect(livePickList(list, NOW + PICK_LIFETIME_MS)).toEqual(EMPTY_PICK_LIST);
    expect(livePickList({ startedAt: NOW, entries: [{ service: { id: 'x' } }] }, NOW)).toEqual(EMPTY_PICK_LIST);
    expect(livePickList(undefined, NOW)).toEqual(EMPTY_PICK_LIST);
  });

  it('the current note expires with it', () => {
    const note = { text: 'Ohjaus', label: 'X', savedAt: NOW };
    expect(liveCurrentNote(note, NOW + 1000)).toEqual(note);
    expect(liveCurrentNote(note, NOW + PICK_LIFETIME_MS)).toBeNull();
    expect(liveCurrentNote({ text: '' }, NOW)).toBeNull();
  });
});

describe('the combined note', () => {
  const date = new Date('2026-11-26T11:00:00Z');
  it('has the heading once and one block per service with the same facts as its single note', () => {
    const three = entries.slice(0, 3);
    const combined = formatCombinedNote(three, date, 'fi');
    const blocks = combined.split('\n\n');
    expect(blocks[0]).toBe('Ohjaus järjestön palveluun 26.11.2026');
    expect(blocks).toHaveLength(4);
    three.forEach((entry, position) => {
      const single = formatReferralNote({ ...entry, date, language: 'fi' });
      expect(blocks[position + 1]).toBe(single.split('\n').slice(1).join('\n'));
    });
  });

  it('for one service is exactly its single note', () => {
    expect(formatCombinedNote(entries.slice(0, 1), date, 'sv')).toBe(formatReferralNote({ ...entries[0]!, date, language: 'sv' }));
    expect(formatCombinedNote([], date, 'fi')).toBe('');
  });
});

describe('a result item’s main contact', () => {
  it('is the first phone with its hours, else e-mail, website, address', () => {
    const hours = { kind: 'text' as const, text: 'ma–pe 9–15', rules: [], holidays: 'closed' as const, exceptions: [] };
    const contacts = { owner: 'service' as const, fromOrganisation: [], phones: [{ number: '+358101234567', display: '010 123 4567', hours }], addresses: [], website: 'https://www.polli.fi/' };
    expect(mainContactOf(contacts)).toEqual({ kind: 'phone', text: '010 123 4567', href: 'tel:+358101234567', hours });
    expect(mainContactOf({ owner: 'service', fromOrganisation: [], phones: [], addresses: [], website: 'https://www.polli.fi/' })).toEqual({ kind: 'website', text: 'polli.fi', href: 'https://www.polli.fi/' });
    expect(mainContactOf({ owner: 'service', fromOrganisation: [], phones: [], addresses: [] })).toBeNull();
  });
});

describe('the client printout', () => {
  it('translates names and categories where the catalogue has them, marks Finnish-only text, keeps internal facts out', () => {
    const withSwedish = entries.find((entry) => entry.service.names.sv) ?? entries[0]!;
    const [fi] = printedServices([withSwedish], 'fi');
    const [sv] = printedServices([withSwedish], 'sv');
    expect(fi!.name).toBe(withSwedish.service.name);
    expect(fi!.descriptionInFinnish).toBe(false);
    expect(sv!.descriptionInFinnish).toBe(true);
    expect(sv!.nameInFinnish).toBe(!withSwedish.service.names.sv);
    expect(sv!.helpsWith.length).toBe(withSwedish.service.categories.length);
    expect(sv!.helpsWith).not.toEqual(fi!.helpsWith);
    const contacts = contactsOf(withSwedish.service, withSwedish.organisation);
    expect(fi!.website?.url).toBe(contacts.website);
    // Verification state, sources and ids of the catalogue are not for the client.
    const text = JSON.stringify(sv);
    expect(text).not.toMatch(/verified|sources|tarkist/i);
    expect(sv!.free).toBe(withSwedish.service.cost === 'free');
  });
});

describe('catalogue text for the client', () => {
  it('leaves out the maintainer’s source remarks and keeps the rest', () => {
    expect(forClient('ympäri vuorokauden (lähteet: mentalhealth.fi; IS 3/2022)')).toBe('ympäri vuorokauden');
    expect(forClient('20 tuntia viikossa (IS 3/2022; kellonajat eivät näkyneet)')).toBe('20 tuntia viikossa');
    expect(forClient('ma–pe 9–15 (ei pyhäpäivinä)')).toBe('ma–pe 9–15 (ei pyhäpäivinä)');
  });
});

describe('inserting the current note (the menu’s and the shortcut’s one code path)', () => {
  const note = { text: 'Ohjaus järjestön palveluun', label: 'X', savedAt: NOW };
  function deps(overrides: Partial<NoteInserterDeps>) {
    const told: InsertReport[] = [];
    const copied: string[] = [];
    const base: NoteInserterDeps = {
      readNote: async () => note,
      insertInFrames: async () => [],
      copyInPage: async (_tab, text) => (copied.push(`page:${text}`), true),
      copyInBackground: async () => false,
      tell: async (report) => void told.push(report),
    };
    return { deps: { ...base, ...overrides }, told, copied };
  }

  it('reports the frame that inserted, and clears any earlier message', async () => {
    const { deps: d, told, copied } = deps({
      insertInFrames: async () => [
        { frameId: 0, result: { status: 'in-child-frame' } },
        { frameId: 7, result: { status: 'inserted', method: 'execCommand', element: 'textarea' } },
      ],
    });
    expect(await createNoteInserter(d)({ tabId: 1 })).toEqual({ status: 'inserted', method: 'execCommand', element: 'textarea', frameId: 7 });
    expect(copied).toEqual([]);
    expect(told.map((report) => report.status)).toEqual(['inserted']);
  });

  it('copies from the page when the frame cannot be reached, else from the background, else says so', async () => {
    const noAccess = async () => {
      throw new Error('Cannot access contents of the page');
    };
    const first = deps({ insertInFrames: noAccess });
    expect(await createNoteInserter(first.deps)({ tabId: 1, frameId: 3 })).toMatchObject({ status: 'copied', reason: expect.stringContaining('no access') });
    expect(first.copied).toEqual([`page:${note.text}`]);
    const second = deps({ insertInFrames: noAccess, copyInPage: async () => false, copyInBackground: async () => true });
    expect((await createNoteInserter(second.deps)({ tabId: 1 })).status).toBe('copied');
    const third = deps({ insertInFrames: async () => [{ frameId: 0, result: { status: 'not-editable', element: 'canvas' } }], copyInPage: async () => false });
    expect(await createNoteInserter(third.deps)({ tabId: 1 })).toEqual({ status: 'copy-failed', reason: 'the focused element (canvas) takes no text' });
    expect(third.told.map((report) => report.status)).toEqual(['copy-failed']);
  });

  it('without a note inserts nothing', async () => {
    const { deps: d, copied } = deps({ readNote: async () => null, insertInFrames: async () => { throw new Error('must not run'); } });
    expect(await createNoteInserter(d)({ tabId: 1 })).toEqual({ status: 'no-note' });
    expect(copied).toEqual([]);
  });
});
