import { describe, expect, it } from 'vitest';
import type { Organisation, Service } from '@/utils/catalogue/schema';
import { formatReferralNote, NOTE_LINE_WIDTH, wrapLine } from '@/utils/referral/format-note';
import { UI_LANGUAGES } from '@/utils/i18n/language';
import { bundledCatalogue } from './helpers';

const catalogue = bundledCatalogue();
const organisation = (id: string) => catalogue.organisations.find((candidate) => candidate.id === id)!;
const serviceOf = (organisationId: string, index = 0) =>
  catalogue.services.filter((service) => service.organisationId === organisationId)[index]!;

// 23.11.2026 00:30 in Helsinki is still 22.11. in UTC: the note must use Helsinki's day.
const JUST_AFTER_MIDNIGHT_IN_HELSINKI = new Date('2026-11-22T22:30:00Z');

describe('the referral note', () => {
  const turvakoti = serviceOf('vantaan-turvakoti');
  const note = formatReferralNote({
    service: turvakoti,
    organisation: organisation('vantaan-turvakoti'),
    date: JUST_AFTER_MIDNIGHT_IN_HELSINKI,
    language: 'fi',
  });

  it('starts with the date in Helsinki time and names service and organisation', () => {
    const lines = note.split('\n');
    expect(lines[0]).toBe('Ohjaus järjestön palveluun 23.11.2026');
    expect(lines[1]).toBe(`Palvelu: ${turvakoti.name}`);
    expect(lines[2]).toBe('Järjestö: Vantaan turvakoti ry');
  });

  it('gives every contact with its hours', () => {
    const unwrapped = note.replace(/\n {2}/g, ' ');
    // The service's own line, with its hours; the organisation's contacts are not mixed in.
    expect(unwrapped).toContain('Puhelin: 040 4555 543 (Turvakoti: yhteydenotot ja neuvonta, 24/7)');
    expect(note).toContain('Sähköposti: turvakoti@vantaanturvakoti.fi');
    // Links by host name (and path when it fits), never a scheme or user info to mislead.
    expect(note).toMatch(/Verkossa: ensijaturvakotienliitto\.fi$/m);
    expect(note).toMatch(/Osoite: .*Vantaa/);
  });

  it('says free and no referral when the data says so', () => {
    expect(note).toContain('Maksuton. Ei vaadi lähetettä.');
    const unknownTerms = formatReferralNote({
      service: serviceOf('vantaan-a-kilta'),
      organisation: organisation('vantaan-a-kilta'),
      date: JUST_AFTER_MIDNIGHT_IN_HELSINKI,
      language: 'fi',
    });
    expect(unknownTerms).not.toMatch(/Maksuton|lähetettä/);
  });

  it('says the contacts were not verified', () => {
    expect(note.split('\n').at(-1)).toMatch(/^Yhteystiedot tarkistamatta/);
    const verified = formatReferralNote({
      service: { ...turvakoti, verifiedAt: '2026-11-01', verifiedBy: 'VAKE', verifiedFields: ['phones'] },
      organisation: organisation('vantaan-turvakoti'),
      date: JUST_AFTER_MIDNIGHT_IN_HELSINKI,
      language: 'fi',
    });
    expect(verified).toContain('Tarkistettu 1.11.2026.');
  });

  it('lists languages by name in the note language', () => {
    const service: Service = { ...turvakoti, languages: ['fi', 'sv'] };
    const fi = formatReferralNote({ service, organisation: organisation('vantaan-turvakoti'), date: JUST_AFTER_MIDNIGHT_IN_HELSINKI, language: 'fi' });
    const en = formatReferralNote({ service, organisation: organisation('vantaan-turvakoti'), date: JUST_AFTER_MIDNIGHT_IN_HELSINKI, language: 'en' });
    expect(fi).toContain('Kielet: suomi, ruotsi');
    expect(en).toContain('Languages: Finnish, Swedish');
  });

  it.each(UI_LANGUAGES)('in %s is plain text with short lines and no markup', (language) => {
    for (const service of catalogue.services) {
      const text = formatReferralNote({ service, organisation: organisation(service.organisationId), date: JUST_AFTER_MIDNIGHT_IN_HELSINKI, language });
      // A web address longer than a line stands alone on its line: breaking it would break the link.
      const wrappable = text.split('\n').filter((line) => !/^\s*https?:\/\/\S+$/.test(line));
      for (const line of wrappable) expect(line.length, line).toBeLessThanOrEqual(NOTE_LINE_WIDTH);
      expect(text).not.toMatch(/<[a-z/]|\*\*|\[.*\]\(|&[a-z]+;/i);
    }
  });

  it('has templates for Swedish and English with their own wording and names', () => {
    const org: Organisation = { ...organisation('vantaan-turvakoti'), names: { sv: 'Vanda skyddshem rf' } };
    const sv = formatReferralNote({ service: turvakoti, organisation: org, date: JUST_AFTER_MIDNIGHT_IN_HELSINKI, language: 'sv' });
    const en = formatReferralNote({ service: turvakoti, organisation: org, date: JUST_AFTER_MIDNIGHT_IN_HELSINKI, language: 'en' });
    expect(sv).toMatch(/^Hänvisning till organisationens tjänst 23\.11\.2026\n/);
    expect(sv).toContain('Organisation: Vanda skyddshem rf');
    expect(sv).toContain('Avgiftsfri. Ingen remiss behövs.');
    expect(en).toMatch(/^Referral to an NGO service 23\/11\/2026\n/);
    expect(en).toContain('Organisation: Vantaan turvakoti ry');
    expect(en).toContain('Free of charge. No referral needed.');
  });

  it('never holds anything about the patient: it is a function of the service alone', () => {
    const parameters = formatReferralNote.length;
    expect(parameters).toBe(1);
    const again = formatReferralNote({ service: turvakoti, organisation: organisation('vantaan-turvakoti'), date: JUST_AFTER_MIDNIGHT_IN_HELSINKI, language: 'fi' });
    expect(again).toBe(note);
  });
});

describe('wrapping lines', () => {
  it('breaks at words and indents the continuation', () => {
    const lines = wrapLine('Puhelin: 09 2525 0111 (Kriisipuhelin suomeksi, ympäri vuorokauden joka päivä vuoden jokaisena päivänä)', 40);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines[1]!.startsWith('  ')).toBe(true);
  });
});
