/**
 * Service texts in Finnish, Swedish and English end to end (issue 21, item 3): the schema holds
 * them, the note and the printout use the chosen language where the service has it and mark
 * Finnish where it does not, and search finds Swedish and English texts, Swedish inflected.
 */
import { describe, expect, it } from 'vitest';
import { catalogueSchema, type Catalogue } from '@/utils/catalogue/schema';
import { exportHsds, importHsds } from '@/utils/catalogue/hsds';
import { printedServices } from '@/utils/handoff/printout';
import { formatReferralNote } from '@/utils/referral/format-note';
import { buildSearchIndex } from '@/utils/search/build-index';
import { shardedRecords } from '@/utils/search/compact/records';
import { bundledLexicon } from '@/utils/search/lexicon-files';
import { openSearchIndex, type SearchIndex } from '@/utils/search/search-index';
import { rankServices, searchServices } from '@/utils/search/search';
import { stemTerms } from '@/utils/search/stem';
import { swedishStem } from '@/utils/search/stem-sv';
import { synonymFileSchema } from '@/utils/search/synonyms';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { bundledCatalogue, readJson } from './helpers';
import {
  ADDICTION_DESCRIPTION_SV,
  ADDICTION_NAME_SV,
  HELPLINE_DESCRIPTION_FI,
  HELPLINE_NAME_SV,
  PEER_GROUPS_DESCRIPTION_SV,
  PEER_GROUPS_EN,
  PEER_GROUPS_FI,
  PEER_GROUPS_SV,
  withTrilingualServices,
} from './trilingual-fixture';

const catalogue: Catalogue = catalogueSchema.parse(withTrilingualServices(bundledCatalogue()));
const entry = (id: string) => {
  const service = catalogue.services.find((candidate) => candidate.id === id)!;
  return { service, organisation: catalogue.organisations.find((candidate) => candidate.id === service.organisationId)! };
};
const peerGroups = entry('fixture-muisti-vertaisryhmat');
const helpline = entry('fixture-muisti-puhelinneuvonta');
const DATE = new Date('2026-11-23T10:00:00Z');

describe('the schema holds texts per language', () => {
  it('keeps descriptions, phone labels and worded hours in Swedish and English', () => {
    expect(peerGroups.service.descriptions?.sv).toBe(PEER_GROUPS_DESCRIPTION_SV);
    expect(peerGroups.service.phones[0]!.labels?.sv).toBe('Gruppernas ledare');
    expect(peerGroups.service.phones[0]!.hours?.texts?.sv).toBe('tisdagar på eftermiddagen');
  });

  it('reads a catalogue written before languages as it is: nothing added, nothing lost', () => {
    const raw = readJson('data/catalogue.json') as Catalogue;
    const parsed = catalogueSchema.parse(raw);
    expect(parsed.services.every((service) => service.descriptions === undefined)).toBe(true);
    expect(JSON.stringify(parsed.services.map((service) => service.description))).toBe(JSON.stringify(raw.services.map((service) => service.description)));
  });

  it('refuses a translation without its Finnish text, hostile characters and unknown languages', () => {
    const broken = structuredClone(withTrilingualServices(bundledCatalogue()));
    const service = broken.services.find((candidate) => candidate.id === 'fixture-muisti-kurssit')!;
    service.phones = [{ number: '+358401112223', display: '040 111 2223', labels: { sv: 'Ledare' } }];
    service.descriptions = { sv: 'Kurser\u202efamiljer och barn.', de: 'Kurse für Familien.' } as never;
    const issues = catalogueSchema.safeParse(broken).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(issues.some((issue) => /phones\.0\.labels: labels translate label/.test(issue))).toBe(true);
    expect(issues.some((issue) => /descriptions\.sv: .*U\+202E/.test(issue))).toBe(true);
    expect(issues.some((issue) => /descriptions/.test(issue) && /de/.test(issue))).toBe(true);
  });

  it('travels through HSDS and back in every language', () => {
    const options = { region: catalogue.region, revision: catalogue.revision, publishedAt: catalogue.publishedAt, maintainer: catalogue.maintainer, defaultAreas: ['suomi' as const], defaultCategory: 'arjen-apu' };
    const back = importHsds(JSON.parse(JSON.stringify(exportHsds(catalogue))), options);
    const service = back.services.find((candidate) => candidate.id === peerGroups.service.id)!;
    expect(service.names).toEqual(peerGroups.service.names);
    expect(service.descriptions).toEqual(peerGroups.service.descriptions);
    expect(service.phones).toEqual(peerGroups.service.phones);
    const finnishOnly = back.services.find((candidate) => candidate.id === bundledCatalogue().services[0]!.id)!;
    expect(finnishOnly.descriptions).toBeUndefined();
  });
});

describe('the referral note in the chosen language', () => {
  it('in Swedish, a trilingual service is all Swedish: no Finnish marker anywhere', () => {
    const note = formatReferralNote({ ...peerGroups, date: DATE, language: 'sv' }).replace(/\n {2}/g, ' ');
    expect(note).toContain(`Tjänst: ${PEER_GROUPS_SV}`);
    expect(note).toContain('Telefon: 040 123 4567 (Gruppernas ledare, tisdagar på eftermiddagen)');
    expect(note).not.toContain('på finska');
  });

  it('in English, a text the service lacks in English is Finnish and says so', () => {
    const note = formatReferralNote({ ...peerGroups, date: DATE, language: 'en' }).replace(/\n {2}/g, ' ');
    expect(note).toContain(`Service: ${PEER_GROUPS_EN}`);
    // The worded hours exist in Finnish and Swedish only.
    expect(note).toContain('Phone: 040 123 4567 (Group leader, tiistaisin iltapäivisin [in Finnish])');
  });

  it('in Swedish, a service with only Finnish texts is marked once per text', () => {
    const finnishOnly = entry(bundledCatalogue().services.find((service) => !service.names.sv && service.phones.length > 0)!.id);
    const note = formatReferralNote({ ...finnishOnly, date: DATE, language: 'sv' });
    expect(note).toContain(`Tjänst: ${finnishOnly.service.name} (på finska)`);
    expect(note.split('\n')[0]).toBe('Hänvisning till organisationens tjänst 23.11.2026');
    expect(note.match(/på finska/g)!.length).toBeLessThanOrEqual(1 + finnishOnly.service.phones.length * 2);
  });

  it('in Finnish, nothing is marked', () => {
    const note = formatReferralNote({ ...peerGroups, date: DATE, language: 'fi' });
    expect(note.replace(/\n {2}/g, ' ')).toContain(`Palvelu: ${PEER_GROUPS_FI}`);
    expect(note).not.toMatch(/suomeksi/);
  });
});

describe('the client printout in the chosen language', () => {
  it('uses the Swedish texts where the service has them and marks only the Finnish ones', () => {
    const [peer, phone] = printedServices([peerGroups, helpline], 'sv');
    expect(peer).toMatchObject({ name: PEER_GROUPS_SV, nameInFinnish: false, descriptionInFinnish: false });
    expect(peer!.description).toBe('Grupperna träffas varannan vecka i Myrbacka och Kervo centrum.');
    expect(peer!.phones[0]).toEqual({ display: '040 123 4567', label: 'Gruppernas ledare', labelInFinnish: false, hours: 'tisdagar på eftermiddagen', hoursInFinnish: false });
    // The helpline has a Swedish name but only a Finnish description and label.
    expect(phone).toMatchObject({ name: HELPLINE_NAME_SV, nameInFinnish: false, descriptionInFinnish: true });
    expect(phone!.description).toBe(HELPLINE_DESCRIPTION_FI.split('. ')[0] + '.');
    expect(phone!.phones[0]).toMatchObject({ label: 'Neuvontapuhelin', labelInFinnish: true, hours: 'arkisin aamupäivisin', hoursInFinnish: true });
  });

  it('in Finnish nothing is marked', () => {
    const [peer] = printedServices([peerGroups], 'fi');
    expect(peer).toMatchObject({ name: PEER_GROUPS_FI, nameInFinnish: false, descriptionInFinnish: false });
    expect(peer!.phones[0]).toMatchObject({ labelInFinnish: false, hoursInFinnish: false });
  });
});

describe('search finds Swedish and English texts', () => {
  const synonyms = synonymFileSchema.parse(readJson('data/synonyms.json'));
  const memory = buildSearchIndex(catalogue, synonyms, bundledLexicon());
  const top = async (index: SearchIndex, query: string) => {
    await index.records.load(rankServices(index, query, { limit: 5 }).map((hit) => hit.position));
    return searchServices(index, query, { limit: 5 }).map((result) => result.service.id);
  };

  it('stems Swedish the Snowball way', () => {
    expect(swedishStem('missbrukare')).toBe('missbruk');
    expect(swedishStem('missbruk')).toBe('missbruk');
    expect(swedishStem('närståendevårdarna')).toBe('närståendevård');
    expect(swedishStem('grupperna')).toBe('grupp');
    expect(swedishStem('minnessjukdomar')).toBe('minnessjukdom');
    expect(swedishStem('hopplöst')).toBe('hopplös');
  });

  it('by a Swedish or English name, and by a Swedish description word', async () => {
    expect((await top(memory, 'närståendevårdare minnessjukdom'))[0]).toBe(peerGroups.service.id);
    expect((await top(memory, 'peer support memory disorder'))[0]).toBe(peerGroups.service.id);
    expect(await top(memory, 'rekreationsdagar')).toContain('fixture-muisti-kurssit');
  });

  it('by a Swedish inflection: "missbrukare", "missbrukarnas" find "missbruk"', async () => {
    expect(ADDICTION_NAME_SV).toMatch(/missbruk$/);
    expect(ADDICTION_DESCRIPTION_SV).not.toContain('missbrukare');
    // The Finnish stemmer leaves the genitive plural whole: only the Swedish stem reaches "missbruk".
    expect(stemTerms('missbrukarnas')).not.toContain('missbruk');
    for (const query of ['missbrukare', 'missbrukarnas', 'anhöriga till missbrukare']) {
      expect((await top(memory, query))[0], query).toBe('fixture-laheiset-samtalsgrupp');
    }
  });

  it('a feed packed by the sync packer, opened from JSON shard by shard, answers as in memory', async () => {
    const packed = JSON.parse(JSON.stringify(packWithBundledSynonyms(catalogue))) as ReturnType<typeof packWithBundledSynonyms>;
    const stored = openSearchIndex(packed.index, shardedRecords(packed.index.shardSize, packed.shards.length, async (shard) => packed.shards[shard]));
    for (const query of ['missbrukarnas', 'minnessjukdom', 'memory disorder', 'omaishoitaja']) {
      expect(await top(stored, query), query).toEqual(await top(memory, query));
    }
    expect((await top(stored, 'missbrukarnas'))[0]).toBe('fixture-laheiset-samtalsgrupp');
  });

});
