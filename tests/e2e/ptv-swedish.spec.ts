/**
 * An imported trilingual PTV service in Swedish, end to end in Chromium (issue 21, "Done
 * means"): the real workbench, started by its command after `import-ptv` read the PTV fixtures
 * from the fake PTV server → the maintainer accepts the service on "Tuonnit" and publishes → the
 * nurse's production extension build, pointed at the workbench's feed, presses "Päivitä nyt",
 * switches to Swedish → the card, the referral note and the client printout are in Swedish, from
 * PTV's own Swedish texts (nothing typed by hand, nothing machine-translated).
 */
import path from 'node:path';
import { startFakePtv, type FakePtvServer } from '../../workbench/src/ptv/fake-server';
import { startWorkbench, type RunningWorkbench } from '../workbench/start-workbench';
import { FIXTURES, ids } from '../workbench/ptv-helpers';
import { expect, test } from './fixtures';

const NAME_SV = 'Samtalsstöd för vuxna';
const NAME_FI = 'Keskusteluapua aikuisille';
const DESCRIPTION_SV = 'Utbildade frivilliga lyssnar när livet känns svårt.';
const PHONE_LABEL_SV = 'Vardagsrummets jour';
/** `WORKBENCH_SCREENSHOTS=1` refreshes the docs' copies (as workbench-loop does); else they go with the test's output. */
const shot = (name: string) => (process.env.WORKBENCH_SCREENSHOTS ? path.resolve(import.meta.dirname, '../../docs/screenshots', name) : test.info().outputPath(name));

let ptv: FakePtvServer;
let workbench: RunningWorkbench;
test.beforeAll(async () => {
  ptv = await startFakePtv(FIXTURES);
  workbench = await startWorkbench({ before: [['import-ptv', '--api', ptv.baseUrl, '--municipality', '092', '--municipality', '245']] });
});
test.afterAll(async () => {
  await workbench?.stop();
  await ptv?.close();
});

test('an imported trilingual PTV service: accepted, published, synced; the Swedish card, note and printout', async ({ context, extensionId, popup }) => {
  // Two workbench commands (import-ptv through tsx on PGlite) before the server, then the loop: minutes on a loaded 2-core machine.
  test.setTimeout(360_000);
  // The maintainer accepts the imported service on Tuonnit and publishes.
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1100, height: 900 });
  await desk.goto(`${workbench.url}/imports/ptv/${ids.trilingual}`);
  await desk.getByLabel('Sähköposti').fill(workbench.email);
  await desk.getByLabel('Salasana').fill(workbench.password);
  await desk.getByRole('button', { name: 'Kirjaudu' }).click();
  const diff = desk.getByTestId('field-diff');
  await expect(diff).toContainText(NAME_SV);
  await expect(diff).toContainText(DESCRIPTION_SV);
  const category = desk.locator('select#category');
  if (await category.count()) await category.selectOption('keskusteluapu');
  await desk.getByRole('button', { name: 'Hyväksy palvelu luetteloon' }).click();
  await expect(desk.getByRole('status')).toContainText('Päätös tallennettu.');
  await desk.getByRole('link', { name: 'Julkaisu' }).click();
  await desk.getByRole('button', { name: 'Julkaise uusi versio' }).click();
  // The hand-gathered catalogue's 90 services and the accepted one.
  await expect(desk.getByRole('status')).toContainText(/Julkaistu versio \d+ \(91 palvelua\)/);
  const revision = /versio (\d+)/.exec((await desk.getByRole('status').textContent()) ?? '')![1]!;

  // The nurse: the workbench's feed and key, "Päivitä nyt", then Swedish for the UI and the note.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate(
    (settings) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ syncSettings: settings }),
    { feedUrl: `${workbench.url}/feed/catalogue.json`, trustedPublicKeys: [workbench.publicKey] },
  );
  await options.reload();
  await options.getByRole('button', { name: 'Päivitä nyt' }).click();
  await expect(options.getByTestId('sync-in-use')).toContainText(`versio ${revision}`);
  await options.getByLabel('Käyttöliittymän kieli').selectOption('sv');
  await options.getByLabel('Hänvisningens språk').selectOption('sv');
  await expect(options.getByLabel('Gränssnittets språk')).toHaveValue('sv');

  // The Swedish card: PTV's Swedish name and description, the phone's Swedish label.
  await popup.page.bringToFront();
  const search = popup.page.getByRole('searchbox', { name: 'Sök efter behov' });
  await expect(search).toBeVisible();
  // (The result list's accessible name is Swedish now: `popup.resultItems` looks for the Finnish one.)
  const card = popup.page.locator('ul.results > li').filter({ has: popup.page.getByRole('heading', { level: 2, name: NAME_SV }) });
  // The open popup swaps to the synced catalogue when it has it.
  await expect(async () => {
    await search.fill('');
    await search.fill('samtalsstöd vuxna');
    await expect(card).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await card.getByRole('heading', { level: 2 }).click();
  await card.getByRole('button', { name: 'Visa hänvisning' }).click();
  await expect(card.locator('.description')).toHaveText(DESCRIPTION_SV);
  await expect(card.locator('.description')).not.toContainText('på finska');
  await expect(card.locator('.contacts')).toContainText(PHONE_LABEL_SV);
  await expect(card).not.toContainText(NAME_FI);
  // The referral note in Swedish.
  const note = ((await card.locator('.note-preview').textContent()) ?? '').replace(/\n {2}/g, ' ');
  expect(note).toContain('Hänvisning till organisationens tjänst');
  expect(note).toContain(`Tjänst: ${NAME_SV}`);
  expect(note).toContain(`Telefon: 040 1234567 (${PHONE_LABEL_SV})`);
  // The other line has only a Finnish label in PTV: Finnish, and marked so.
  expect(note).toContain('Telefon: 09 81234567 (Keskusteluapu [på finska])');
  expect(note).not.toContain(NAME_FI);
  await popup.page.screenshot({ path: shot('ptv-sv-card.png') });

  // The client printout in Swedish.
  // Known flake (stop 24): in three full runs of four the pick-list button did not appear on the
  // first attempt, even when the pick was clicked again, and the retry passed; not yet explained.
  // A miss fails here after 30 s instead of holding the run for the test's 6 minutes.
  await card.getByRole('button', { name: /^Till hänvisningen/ }).click();
  await popup.page.getByRole('button', { name: 'I hänvisningen 1/5' }).click({ timeout: 30_000 });
  const [print] = await Promise.all([context.waitForEvent('page'), popup.page.getByRole('button', { name: 'Skriv ut för klienten' }).click()]);
  await print.waitForLoadState();
  await print.setViewportSize({ width: 900, height: 1270 });
  await print.getByLabel('Klientens språk').selectOption('sv');
  await expect(print.getByRole('heading', { level: 1 })).toHaveText('Hjälp från organisationer för dig');
  await expect(print.locator('main')).toHaveAttribute('lang', 'sv');
  await expect(print.getByRole('heading', { level: 2 })).toHaveText([NAME_SV]);
  const printed = await print.locator('main').innerText();
  expect(printed).toContain(`${DESCRIPTION_SV}\n`);
  expect(printed).toContain(`040 1234567 · ${PHONE_LABEL_SV}`);
  expect(printed).not.toContain(NAME_FI);
  await print.screenshot({ path: shot('ptv-sv-printout.png'), fullPage: true });
});
