import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../workbench/test/fixtures/ptv/', import.meta.url));
/** A date before the fixtures' exceptional days of December 2025 and after those of 2024. */
export const TODAY = '2025-06-01';
export const ids = {
  trilingual: '3b9f0e62-6c1d-4f7a-a2b8-91d4e5f6a001',
  bothMunicipalities: '3b9f0e62-6c1d-4f7a-a2b8-91d4e5f6a002',
  municipal: '3b9f0e62-6c1d-4f7a-a2b8-91d4e5f6a003',
  nulls: '3b9f0e62-6c1d-4f7a-a2b8-91d4e5f6a004',
  crisisLine: '3b9f0e62-6c1d-4f7a-a2b8-91d4e5f6a005',
};
/** Retries without waiting, so the tests do not sleep through backoff. */
export const noWait = { sleep: async () => undefined, random: () => 0.5 };
/** The first run's `--json` summary row of the trilingual fixture service, new. */
export const trilingualSummary = {
  ptvId: ids.trilingual,
  status: 'new',
  names: { fi: 'Keskusteluapua aikuisille', sv: 'Samtalsstöd för vuxna', en: 'Someone to talk to for adults' },
  organisation: 'Esimerkkiyhdistys ry',
  phones: ['+358401234567', '+358981234567'],
  emails: ['olohuone@esimerkkiyhdistys.example', 'apu@esimerkkiyhdistys.example', 'info@esimerkkiyhdistys.example'],
  webPages: ['https://esimerkkiyhdistys.example/olohuone', 'https://esimerkkiyhdistys.example/', 'https://esimerkkiyhdistys.example/sv/'],
  addresses: [{ street: 'Esimerkkitie 1 A', postalCode: '01300', city: 'Vantaa', lat: 60.292498, lon: 25.044 }],
  hasOpeningHours: true,
  municipalities: ['092'],
};
