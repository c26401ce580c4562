/**
 * Issue 20 item 4 in real Chromium, built the same way as workbench-loop.spec.ts: the production
 * extension against the real workbench. The nurse searches words that find nothing → presses
 * "Ilmoita puuttuva palvelu / hakusana" (a henkilötunnus in the words is refused first) → the
 * report reaches "Puuttuvat palvelut" → the maintainer adds the word to a need concept →
 * publishes → "Päivitä nyt" → the same words now find services. Axe checks the new page.
 */
import { startWorkbench, type RunningWorkbench } from '../workbench/start-workbench';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { myReports, setReportEndpoint } from './reports-page';

const WORDS = 'lumenluonti';
const CONCEPT = 'everyday-help';
const BUTTON = 'Ilmoita puuttuva palvelu / hakusana';

let workbench: RunningWorkbench;
test.beforeAll(async () => {
  workbench = await startWorkbench();
});
test.afterAll(async () => {
  await workbench?.stop();
});

test('nurse reports words that found nothing → maintainer adds a term → publish → "Päivitä nyt" → the words find services', async ({ context, extensionId, popup }) => {
  test.setTimeout(180_000);
  const options = await setReportEndpoint(context, extensionId, `${workbench.url}/api/reports`);
  await options.evaluate(
    (settings) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ syncSettings: settings }),
    { feedUrl: `${workbench.url}/feed/catalogue.json`, trustedPublicKeys: [workbench.publicKey] },
  );
  await expect(options.getByTestId('sync-in-use')).toContainText('versio 2');

  // Under "no direct match" too: the closest services, then the button.
  await popup.search('silmälasit rikki');
  await expect(popup.page.getByText('Ei suoraa osumaa')).toBeVisible();
  await expect(popup.page.getByRole('button', { name: BUTTON })).toBeVisible();

  // A henkilötunnus typed into the search box is never sent: the form says so and cannot send.
  await popup.search('010594Y9021');
  await expect(popup.noResults).toBeVisible();
  await popup.page.getByRole('button', { name: BUTTON }).click();
  await expect(popup.page.getByRole('alert')).toContainText('Hakusanoissa on henkilötunnus');
  await expect(popup.page.getByRole('button', { name: 'Lähetä hakusanat' })).toBeDisabled();

  // Words that find nothing: the button, the notice (no patient data), send.
  await popup.search(WORDS);
  await expect(popup.noResults).toBeVisible();
  await popup.page.getByRole('button', { name: BUTTON }).click();
  await expect(popup.page.getByText('Ei potilastietoja')).toBeVisible();
  await expect(popup.page.getByText(`Hakusanat: ${WORDS}`)).toBeVisible();
  expect(await axeViolations(popup.page), 'missing-service panel').toEqual([]);
  await popup.page.getByRole('button', { name: 'Lähetä hakusanat' }).click();
  await expect(popup.page.getByText(`Kiitos! Hakusanat ”${WORDS}”`)).toBeVisible();
  await expect(myReports(options).getByRole('listitem').first()).toContainText(`Puuttuva palvelu: ”${WORDS}”`);
  await expect(myReports(options).getByRole('listitem').first()).toContainText('lähetetty', { timeout: 30_000 });

  // The maintainer: "Puuttuvat palvelut", the group of these words, the word added to a need.
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1100, height: 900 });
  await desk.goto(`${workbench.url}/missing-services`);
  await desk.getByLabel('Sähköposti').fill(workbench.email);
  await desk.getByLabel('Salasana').fill(workbench.password);
  await desk.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Puuttuvat palvelut' })).toBeVisible();
  const group = desk.getByTestId('missing-group').filter({ has: desk.getByRole('heading', { name: WORDS }) });
  await expect(group).toContainText('1 ilmoitusta');
  expect(await axeViolations(desk), 'missing services').toEqual([]);
  const termForm = group.getByRole('group', { name: 'Lisää sana tarpeeseen' });
  await termForm.getByLabel('Tarve').selectOption(CONCEPT);
  await expect(termForm.getByLabel('Sana tai fraasi')).toHaveValue(WORDS);
  await termForm.getByRole('button', { name: 'Lisää' }).click();
  await expect(desk.getByRole('status')).toContainText('Sana lisätty tarpeeseen; 1 ilmoitusta käsitelty');
  await expect(desk.getByText('Ei avoimia ilmoituksia puuttuvista palveluista.')).toBeVisible();

  await desk.getByRole('link', { name: 'Julkaisu' }).click();
  await desk.getByRole('button', { name: 'Julkaise uusi versio' }).click();
  await expect(desk.getByRole('status')).toContainText('Julkaistu versio 3');

  // The nurse: "Päivitä nyt", the same words now find services.
  await options.bringToFront();
  await options.getByRole('button', { name: 'Päivitä nyt' }).click();
  await expect(options.getByTestId('sync-in-use')).toContainText('versio 3');
  await popup.page.bringToFront();
  await popup.search('lumenluontia');
  await popup.search(WORDS);
  expect((await popup.results()).length).toBeGreaterThan(0);
  await expect(popup.noResults).toBeHidden();
});
