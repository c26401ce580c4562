/**
 * The whole loop in real Chromium: the production extension build, configured like a
 * wellbeing area would (feed URL + trusted key, report endpoint), against the real workbench
 * started by its command. The nurse reports a stale phone from a card → the maintainer signs
 * in on a second page, sees the report, corrects the phone, marks it verified, closes the
 * report with a reply and publishes → the popup marks a new reply and "Omat ilmoitukset" shows
 * the report as fixed with the maintainer's reply (issue 19: the nurse hears back) → the nurse
 * presses "Päivitä nyt" → the card and the copied note show the new phone and today's
 * verification. Axe checks every workbench page on the way.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startWorkbench, type RunningWorkbench } from '../workbench/start-workbench';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { FIELD_LABEL, myReports, reportButton, reportedToday, reportForm, setReportEndpoint, SUGGESTION_LABEL } from './reports-page';

const NEW_PHONE_DISPLAY = '09 8765 4321';
const NEW_PHONE_NUMBER = '+358987654321';
const REPLY = 'Numero päivitetty, kiitos!';
const SCREENSHOTS = process.env.WORKBENCH_SCREENSHOTS ? path.resolve(import.meta.dirname, '../../docs/screenshots') : undefined;

let workbench: RunningWorkbench;
test.beforeAll(async () => {
  workbench = await startWorkbench();
});
test.afterAll(async () => {
  await workbench?.stop();
});

const todayFi = () => new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Helsinki' }).format(new Date());

async function expectAccessible(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

test('nurse reports a stale phone → maintainer fixes, verifies, publishes → the nurse gets it with "Päivitä nyt"', async ({ context, extensionId, popup }) => {
  test.setTimeout(180_000);
  // The wellbeing area's configuration: the workbench's feed and key, and its report endpoint.
  const options = await setReportEndpoint(context, extensionId, `${workbench.url}/api/reports`);
  await options.evaluate(
    (settings) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ syncSettings: settings }),
    { feedUrl: `${workbench.url}/feed/catalogue.json`, trustedPublicKeys: [workbench.publicKey] },
  );
  await expect(options.getByTestId('sync-in-use')).toContainText('versio 2');

  // The nurse: a card, "Ilmoita vanhentuneesta tiedosta", phone, the number she was told.
  await popup.search('omaishoitaja tuki');
  const serviceName = await popup.selectedName();
  const card = popup.result(serviceName);
  await reportButton(card).click();
  const form = reportForm(card);
  await form.getByRole('combobox', { name: FIELD_LABEL }).selectOption({ label: 'Puhelinnumero' });
  await form.getByRole('textbox', { name: SUGGESTION_LABEL }).fill(NEW_PHONE_DISPLAY);
  await form.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
  await expect(card.getByText(reportedToday())).toBeVisible();
  await expect(options.getByRole('list', { name: 'Omat ilmoitukset' }).getByRole('listitem').first()).toContainText('lähetetty', { timeout: 30_000 });
  // Delivered to the workbench, which gave it a status token: not closed yet.
  await options.reload();
  await expect(myReports(options).getByRole('listitem').first().getByTestId('report-answer')).toHaveText('Vastaanotettu ylläpidossa');

  // The maintainer, on a second page: every page asks for a sign-in first.
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1100, height: 900 });
  await desk.goto(`${workbench.url}/`);
  await expect(desk).toHaveURL(/\/login\?next=/);
  await expectAccessible(desk, 'login');
  await desk.getByLabel('Sähköposti').fill(workbench.email);
  await desk.getByLabel('Salasana').fill(workbench.password);
  await desk.getByRole('button', { name: 'Kirjaudu' }).click();

  // Inbox: grouped by service, with the card and note as nurses see them.
  const group = desk.getByTestId('inbox-group').filter({ has: desk.getByRole('heading', { name: serviceName }) });
  await expect(group).toContainText(NEW_PHONE_DISPLAY);
  await expect(group.getByTestId('nurse-card').getByRole('region', { name: `Lähetteen esikatselu: ${serviceName}` })).toContainText('Yhteystiedot tarkistamatta');
  await expectAccessible(desk, 'inbox');
  if (SCREENSHOTS) await desk.screenshot({ path: path.join(SCREENSHOTS, 'workbench-inbox.png') });

  // The report beside the record's current facts; the editor.
  await group.getByRole('link', { name: /Käsittele ilmoitus/ }).click();
  await expect(desk.getByRole('heading', { name: 'Nykyiset tiedot' })).toBeVisible();
  await expect(desk.getByTestId('suggestion')).toHaveText(NEW_PHONE_DISPLAY);
  await expectAccessible(desk, 'report and editor');
  const phone1 = desk.getByRole('group', { name: 'Puhelin 1' });
  // A typo first: the schema's error appears next to the field, nothing is saved.
  await phone1.getByLabel('Puhelinnumero (+358…)').fill('+35898');
  await phone1.getByLabel('Näytettävä muoto').fill(NEW_PHONE_DISPLAY);
  await desk.getByRole('button', { name: 'Tallenna' }).click();
  await expect(desk.getByRole('alert')).toContainText('Korjaa merkityt kentät.');
  await expect(desk.getByRole('group', { name: 'Puhelin 1' }).getByLabel('Puhelinnumero (+358…)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(desk, 'editor with an error');
  if (SCREENSHOTS) await desk.screenshot({ path: path.join(SCREENSHOTS, 'workbench-editor.png'), fullPage: true });
  await desk.getByRole('group', { name: 'Puhelin 1' }).getByLabel('Puhelinnumero (+358…)').fill(NEW_PHONE_NUMBER);
  // The preview: the card and note before and after the save, and what changes for nurses; nothing saved yet.
  await desk.getByRole('button', { name: 'Esikatsele' }).click();
  await expect(desk.getByTestId('preview-after')).toContainText(NEW_PHONE_DISPLAY);
  await expect(desk.getByTestId('preview-before')).not.toContainText(NEW_PHONE_DISPLAY);
  await expect(desk.getByTestId('preview-changes')).toContainText(NEW_PHONE_DISPLAY);
  await expectAccessible(desk, 'save preview');
  if (SCREENSHOTS) await desk.screenshot({ path: path.join(SCREENSHOTS, 'workbench-preview.png'), fullPage: true });
  await desk.getByRole('checkbox', { name: 'Puhelinnumerot' }).check();
  await desk.getByRole('button', { name: 'Tallenna' }).click();
  await expect(desk.getByRole('status')).toContainText('Tallennettu.');
  await expect(desk.getByTestId('current-facts')).toContainText(NEW_PHONE_DISPLAY);
  await expect(desk.getByTestId('current-facts')).toContainText(`Tarkistettu ${todayFi()}`);

  // Closed as fixed with a reply; the inbox is empty again.
  await desk.getByLabel('Vastaus ilmoittajalle').fill(REPLY);
  await desk.getByRole('button', { name: 'Sulje ilmoitus' }).click();
  await expect(desk.getByText('Ei odottavia ilmoituksia.')).toBeVisible();

  // The nurse hears back: opening the popup asks, and marks the news; "Omat ilmoitukset" shows it.
  // (The background asks about a report at most every half minute: she may have to open it again.)
  // Her options tab is closed meanwhile: an open "Omat ilmoitukset" would show the news, and count it seen, at once.
  const optionsUrl = options.url();
  await options.goto('about:blank');
  const newReply = popup.page.getByRole('button', { name: /Uusi vastaus ilmoitukseesi/ });
  await expect(async () => {
    await popup.page.reload();
    await expect(newReply).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await options.goto(optionsUrl);
  const answered = myReports(options).getByRole('listitem').first();
  await expect(answered.getByTestId('report-answer')).toContainText('Korjattu');
  await expect(answered.getByTestId('report-answer')).toContainText('Uusi vastaus');
  await expect(answered.getByRole('figure')).toContainText(`Ylläpidon vastaus${REPLY}`);
  await expectAccessible(options, 'Omat ilmoitukset with a reply');
  // Seen in the list: the popup's mark is gone.
  await popup.page.reload();
  await expect(popup.searchbox).toBeVisible();
  await expect(popup.page.getByRole('button', { name: /Uusi vastaus ilmoitukseesi/ })).toHaveCount(0);

  // Publish: revision 3, signed.
  await desk.getByRole('link', { name: 'Julkaisu' }).click();
  await expectAccessible(desk, 'publish');
  await desk.getByRole('button', { name: 'Julkaise uusi versio' }).click();
  await expect(desk.getByRole('status')).toContainText('Julkaistu versio 3');
  for (const [link, what] of [['Tarkistustilanne', 'overview'], ['Infotilaisuudet', 'sessions'], ['Muutoshistoria', 'history']] as const) {
    await desk.getByRole('link', { name: link }).click();
    await expect(desk.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(desk, what);
  }

  // The nurse presses "Päivitä nyt": the card and the copied note carry the new phone, verified today.
  await options.bringToFront();
  await options.getByRole('button', { name: 'Päivitä nyt' }).click();
  await expect(options.getByTestId('sync-in-use')).toContainText('versio 3');
  // The workbench serves the feed in parts (issue 22): the first sync took the parts and this one a
  // delta applied to the stored parts, never the whole catalogue.json.
  const { syncState } = await options.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<{ syncState?: { delta?: { outcome: string; detail: string | null } } }> } } } }).chrome.storage.local.get('syncState'),
  );
  expect(syncState?.delta).toMatchObject({ outcome: 'applied', detail: expect.stringContaining('on the stored parts') });
  await popup.page.bringToFront();
  await popup.search('omaishoitaja tuki');
  const updated = popup.result(serviceName);
  await expect(updated).toContainText(NEW_PHONE_DISPLAY);
  await expect(updated).toContainText(`Tarkistettu ${todayFi()}`);
  await popup.copyButton(updated).click();
  const note = await popup.copiedNote();
  expect(note).toContain(NEW_PHONE_DISPLAY);
  expect(note).toContain(`Tarkistettu ${todayFi()}`);
});
