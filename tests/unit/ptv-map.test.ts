import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneDisplayProblem } from '@/utils/catalogue/phone-display';
import { ptvChannelSchema, ptvServiceSchema } from '@/workbench/src/ptv/client/records';
import { createPtvV11Source } from '@/workbench/src/ptv/client/v11';
import { collectMunicipalityServices, type CollectedService } from '@/workbench/src/ptv/collect';
import { startFakePtv, type FakePtvServer } from '@/workbench/src/ptv/fake-server';
import { tm35finToWgs84 } from '@/workbench/src/ptv/map/coordinates';
import { toOpeningHours } from '@/workbench/src/ptv/map/hours';
import { mapService } from '@/workbench/src/ptv/map/map-service';
import { toCataloguePhone } from '@/workbench/src/ptv/map/phones';
import { ptvDraftSchema } from '@/workbench/src/ptv/map/record';
import { FIXTURES, ids, noWait, TODAY } from '../workbench/ptv-helpers';

/** Metres between two WGS84 points (haversine; ample at 1 m). */
function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

let server: FakePtvServer;
let collected: CollectedService[];
const mapped = (id: string) => mapService(collected.find((item) => item.service.id === id)!, { today: TODAY });

beforeAll(async () => {
  server = await startFakePtv(FIXTURES);
  collected = await collectMunicipalityServices(createPtvV11Source({ baseUrl: server.baseUrl, ...noWait }), ['092', '245']);
});
afterAll(() => server.close());

describe('EPSG:3067 → WGS84', () => {
  // References computed with PROJ 9.5.1 (pyproj 3.7.2, EPSG:3067 → EPSG:4326), an implementation
  // independent of proj4js: Tikkurila (Vantaa) and Otava (Mikkeli, the real channel's point).
  it('lands within 1 m of PROJ for Tikkurila and Otava', () => {
    const tikkurila = tm35finToWgs84('6685590.027', '391874.049')!;
    expect(metresBetween(tikkurila, { lat: 60.292497861, lon: 25.04400006 })).toBeLessThan(1);
    const otava = tm35finToWgs84('6834688', '503879')!;
    expect(metresBetween(otava, { lat: 61.64546678, lon: 27.07320955 })).toBeLessThan(1);
  });
  it('reads northing from latitude and easting from longitude, and refuses nonsense', () => {
    expect(tm35finToWgs84('391874', '6685590')).toBeNull();
    expect(tm35finToWgs84(null, '391874')).toBeNull();
    expect(tm35finToWgs84('abc', '391874')).toBeNull();
  });
});

describe('phones', () => {
  const phone = (prefixNumber: string | null, number: string, type: string | null = 'Phone') => ({
    type,
    prefixNumber,
    number,
    isFinnishServiceNumber: prefixNumber === null,
    additionalInformation: null,
    language: 'fi',
  });
  it('joins prefixNumber and number into E.164 with a display that dials it', () => {
    const mapped = toCataloguePhone(phone('+358', '9 8123 4567'))!;
    expect(mapped.number).toBe('+358981234567');
    expect(phoneDisplayProblem(mapped.display, mapped.number)).toBeNull();
    expect(toCataloguePhone(phone('+358', '0401234567'))?.number).toBe('+358401234567');
  });
  it('reads a Finnish service number without a prefix', () => {
    expect(toCataloguePhone(phone(null, '0800123456'))?.number).toBe('+358800123456');
    expect(toCataloguePhone(phone(null, '116123'))).toEqual({ number: '116123', display: '116 123' });
  });
  it('leaves out fax and SMS numbers', () => {
    expect(toCataloguePhone(phone('+358', '981234500', 'Fax'))).toBeNull();
    expect(toCataloguePhone(phone('+358', '401112233', 'Sms'))).toBeNull();
  });
});

describe('opening hours', () => {
  it('maps DaysOfTheWeek (one entry per weekday, dayTo "") and future exceptions', () => {
    const hours = mapped(ids.trilingual).draft.hours!;
    expect(hours.kind).toBe('weekly');
    expect(hours.rules).toEqual([
      { days: ['MO', 'TU', 'WE', 'TH'], opens: '09:00', closes: '16:00' },
      { days: ['FR'], opens: '09:00', closes: '14:00' },
    ]);
    expect(hours.exceptions).toEqual([
      { date: '2025-12-24', note: 'Joulunpyhät suljettu' },
      { date: '2025-12-25', note: 'Joulunpyhät suljettu' },
      { date: '2025-12-26', note: 'Joulunpyhät suljettu' },
      { date: '2025-12-31', opens: '10:00', closes: '13:00' },
    ]);
  });
  it('splits an OverMidnight span at midnight', () => {
    const channel = collected.find((item) => item.service.id === ids.crisisLine)!.channels.find((item) => item.serviceChannelType === 'ServiceLocation')!;
    expect(toOpeningHours(channel.serviceHours, TODAY)?.rules).toEqual([
      { days: ['MO'], opens: '00:00', closes: '06:00' },
      { days: ['FR'], opens: '18:00', closes: '24:00' },
      { days: ['SA', 'SU'], opens: '00:00', closes: '24:00' },
    ]);
  });
  it('maps isAlwaysOpen to always and isReservation to appointment', () => {
    const phoneChannel = collected.find((item) => item.service.id === ids.crisisLine)!.channels.find((item) => item.serviceChannelType === 'Phone')!;
    expect(toOpeningHours(phoneChannel.serviceHours, TODAY)?.kind).toBe('always');
    expect(mapped(ids.bothMunicipalities).draft.hours).toMatchObject({ kind: 'appointment', text: 'Ajanvarauksella' });
  });
  it('keeps the Swedish and English words of the hours as texts beside the Finnish text', () => {
    const hour = { serviceHourType: 'DaysOfTheWeek', isReservation: true, openingHour: [] };
    const words = [
      { language: 'fi', value: 'Ajanvarauksella' },
      { language: 'sv', value: 'Med tidsbokning' },
      { language: 'en', value: 'By appointment' },
    ];
    const channel = ptvChannelSchema.parse({ id: 'c', serviceHours: [{ ...hour, additionalInformation: words }] });
    expect(toOpeningHours(channel.serviceHours, TODAY)).toMatchObject({ kind: 'appointment', text: 'Ajanvarauksella', texts: { sv: 'Med tidsbokning', en: 'By appointment' } });
    // Swedish words alone are the text (the schema translates a Finnish text; it has no place for a lone Swedish one).
    const swedishOnly = ptvChannelSchema.parse({ id: 'c', serviceHours: [{ ...hour, additionalInformation: [words[1]] }] });
    const hours = toOpeningHours(swedishOnly.serviceHours, TODAY)!;
    expect(hours).toMatchObject({ kind: 'appointment', text: 'Med tidsbokning' });
    expect(hours.texts).toBeUndefined();
  });
  it('maps the real Otava channel (weekdays 8–16)', () => {
    const channel = ptvChannelSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'real-otava-service-channel.json'), 'utf8')));
    expect(toOpeningHours(channel.serviceHours, TODAY)?.rules).toEqual([{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '08:00', closes: '16:00' }]);
  });
});

describe('mapping a service', () => {
  it('maps the trilingual NGO service: names (Name, not AlternativeName), texts, contacts, address', () => {
    const { skipReason, draft } = mapped(ids.trilingual);
    expect(skipReason).toBeUndefined();
    expect(draft.names).toEqual({ fi: 'Keskusteluapua aikuisille', sv: 'Samtalsstöd för vuxna', en: 'Someone to talk to for adults' });
    expect(draft.summaries.sv).toBe('Avgiftsfritt samtalsstöd per telefon och på plats i Dickursby.');
    expect(draft.descriptions.fi).toBe('Koulutetut vapaaehtoiset kuuntelevat, kun elämässä on vaikeaa. Voit tulla ilman ajanvarausta tai soittaa.');
    expect(draft.organisation).toMatchObject({ name: 'Esimerkkiyhdistys ry', names: { sv: 'Exempelföreningen rf', en: 'Example Association' }, type: 'Organization', businessCode: '1234567-1' });
    expect(draft.phones.map((phone) => phone.number)).toEqual(['+358401234567', '+358981234567']);
    expect(draft.emails).toEqual(['olohuone@esimerkkiyhdistys.example', 'apu@esimerkkiyhdistys.example', 'info@esimerkkiyhdistys.example']);
    expect(draft.notes).toContain('e-mail "ei-osoite" is not an address: left out');
    expect(draft.webPages).toEqual(['https://esimerkkiyhdistys.example/olohuone', 'https://esimerkkiyhdistys.example/', 'https://esimerkkiyhdistys.example/sv/']);
    expect(draft.addresses).toEqual([{ street: 'Esimerkkitie 1 A', postalCode: '01300', city: 'Vantaa', lat: 60.292498, lon: 25.044 }]);
    expect(draft.channels).toEqual(['kasvokkain', 'puhelin', 'verkko']);
    expect(draft.cost).toBe('free');
    expect(draft.languages).toEqual(['fi', 'sv', 'en']);
    expect(ptvDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('maps service classes and target groups through the code lists, keeping the PTV codes', () => {
    const { draft } = mapped(ids.trilingual);
    expect(draft.categories).toEqual(['keskusteluapu', 'vertaistuki']);
    expect(draft.audiences).toEqual(['ikaantyneet']);
    expect(draft.targetGroups).toEqual(['Kansalaiset', 'Ikäihmiset']);
    expect(draft.ptvServiceClasses).toEqual([
      { code: 'P5.7', uri: 'http://uri.suomi.fi/codelist/ptv/ptvserclass/code/P5.7' },
      { code: 'P4.12', uri: 'http://uri.suomi.fi/codelist/ptv/ptvserclass/code/P4.12' },
    ]);
    expect(mapped(ids.bothMunicipalities).draft.audiences).toEqual(['laheiset']);
  });

  it('makes a service of two municipalities one service with both codes', () => {
    const { draft } = mapped(ids.bothMunicipalities);
    expect(draft.municipalities).toEqual(['092', '245']);
    expect(draft.areas).toEqual(['vantaa', 'kerava']);
    // Responsible, not the other organisation that is only a Producer.
    expect(draft.organisation.name).toBe('Keski-Uudenmaan Esimerkkiliitto ry');
    expect(draft.phones).toEqual([{ number: '+358800123456', display: '0800 123456', label: 'Maksuton neuvonta' }]);
    // The postal address is not a place to visit.
    expect(draft.addresses).toHaveLength(1);
  });

  it("skips a municipality's own service with the reason", () => {
    expect(mapped(ids.municipal).skipReason).toBe('responsible organisation is Municipality, not an NGO (Järjestöt ja yhteisöt)');
  });

  it('maps a service with null texts and null lists', () => {
    const { skipReason, draft } = mapped(ids.nulls);
    expect(skipReason).toBeUndefined();
    expect(draft.names).toEqual({ fi: 'Ruoka-apu' });
    expect(draft.descriptions).toEqual({});
    expect(draft.summaries).toEqual({ fi: 'Ruokakasseja perjantaisin.' });
    expect(draft.phones).toEqual([]);
    expect(draft.municipalities).toEqual(['092']);
    expect(draft.cost).toBe('unknown');
    expect(ptvDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('maps the real Nettilukio service: Name over AlternativeName, Responsible over Producer', () => {
    const service = ptvServiceSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'real-etalukio-service.json'), 'utf8')));
    const { skipReason, draft } = mapService({ service, listedIn: ['491'], channels: [], organisations: new Map() }, { today: TODAY });
    expect(draft.names).toEqual({ fi: 'Nettilukio aikuisille' });
    expect(draft.organisation.name).toBe('Mikkelin kaupungin liikelaitos Otavia');
    expect(skipReason).toMatch(/was not found in PTV/);
    expect(draft.ptvServiceClasses.map((entry) => entry.code)).toEqual(['P6.10', 'P6.8', 'P6.13', 'P6']);
  });
});
