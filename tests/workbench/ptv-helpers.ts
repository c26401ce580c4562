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
