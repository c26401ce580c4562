/**
 * `npx tsx tests/workbench/ptv-review-screenshot.ts`: docs/screenshots/workbench-ptv-review.png,
 * the "Tuonnit" page of a PTV service whose phone and e-mail changed in PTV after it was
 * accepted (the field diff old → new), in headless Chromium. The workbench runs in this
 * process on an in-memory PGlite; PTV is the fake server replaying the test fixtures.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { generateSigningKeyPair } from '../../utils/sync/signature';
import { buildApp } from '../../workbench/src/app';
import { importBundledIfEmpty } from '../../workbench/src/bundled-catalogue';
import { openPglite } from '../../workbench/src/db/db';
import { migrate } from '../../workbench/src/db/migrate';
import { hashPassword } from '../../workbench/src/passwords';
import { createPtvV11Source } from '../../workbench/src/ptv/client/v11';
import { startFakePtv } from '../../workbench/src/ptv/fake-server';
import { acceptPtv } from '../../workbench/src/ptv-import/review';
import { importPtvIntoDb } from '../../workbench/src/ptv-import/run';
import * as store from '../../workbench/src/store';
import { CHROMIUM_PATH } from '../chromium-with-extension';
import { FIXTURES, ids } from './ptv-helpers';

const OUT = path.resolve(import.meta.dirname, '../../docs/screenshots/workbench-ptv-review.png');
const EMAIL = 'anna.yllapitaja@example.fi';
const PASSWORD = 'oikea hevonen patteri niitti';
const NOW = new Date('2025-06-01T09:00:00Z');

const changed = mkdtempSync(path.join(tmpdir(), 'jo-ptv-shot-'));
cpSync(FIXTURES, changed, { recursive: true });
const channels = JSON.parse(readFileSync(path.join(changed, 'channels.json'), 'utf8')) as Array<{ id: string; phoneNumbers: Array<{ number: string }>; emails: Array<{ value: string }> }>;
const channel = channels.find((item) => item.id.endsWith('3e8001'))!;
channel.phoneNumbers[0]!.number = '401234568';
channel.emails[0]!.value = 'keskustelu@esimerkkiyhdistys.example';
writeFileSync(path.join(changed, 'channels.json'), JSON.stringify(channels));

const db = await openPglite(undefined);
await migrate(db);
await importBundledIfEmpty(db);
await store.addMaintainer(db, EMAIL, await hashPassword(PASSWORD));
const before = await startFakePtv(FIXTURES);
const after = await startFakePtv(changed);
const importFrom = (baseUrl: string) => importPtvIntoDb(db, { source: createPtvV11Source({ baseUrl }), baseUrl, municipalities: ['092', '245'], by: 'command line', now: NOW });
await importFrom(before.baseUrl);
const accepted = await acceptPtv(db, ids.trilingual, 'all', EMAIL);
if (!accepted.ok) throw new Error(accepted.problems.join('\n'));
await importFrom(after.baseUrl);

let url = '';
const app = await buildApp({ db, key: await generateSigningKeyPair(), publicUrl: () => url, now: () => new Date() });
url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fi-FI' });
  await page.goto(`${url}/login`);
  await page.getByLabel('Sähköposti').fill(EMAIL);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await page.goto(`${url}/imports/ptv/${ids.trilingual}`);
  await page.getByTestId('field-diff').waitFor();
  await page.screenshot({ path: OUT, fullPage: true });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await app.close();
  await before.close();
  await after.close();
  await db.close();
  rmSync(changed, { recursive: true, force: true });
}
