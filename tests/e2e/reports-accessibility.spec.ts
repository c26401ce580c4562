/**
 * Accessibility of stale-contact reports: axe (WCAG 2.1 AA) on the open form, its henkilötunnus
 * error and the "Omat ilmoitukset" list in light and dark, and one keyboard-only journey.
 */
import { ReportServer } from '../report-server';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { COMMENT_LABEL, FIELD_LABEL, HETU_ERROR, myReports, reportButton, reportedToday, reportForm, setReportEndpoint } from './reports-page';

let server: ReportServer;

test.beforeEach(async () => {
  server = new ReportServer();
  await server.start();
});

test.afterEach(async () => {
  await server.stop();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`report form, its error and "Omat ilmoitukset" have no WCAG 2.1 AA violations (${scheme})`, async ({ context, extensionId, popup }) => {
    // Four axe runs over two pages: more than the default 30 s on a busy 2-core machine.
    test.slow();
    const options = await setReportEndpoint(context, extensionId, server.url);
    server.failNext({ status: 400, body: { error: 'tuntematon palvelu' } });
    await popup.page.emulateMedia({ colorScheme: scheme });
    await popup.search('omaishoitaja tuki');
    const card = popup.resultItems.first();
    await reportButton(card).click();
    const form = reportForm(card);
    await expect(form).toBeVisible();
    expect(await axeViolations(popup.page)).toEqual([]);

    await form.getByRole('textbox', { name: COMMENT_LABEL }).fill('150105A123R');
    await form.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
    await expect(form.getByRole('alert')).toContainText(HETU_ERROR);
    expect(await axeViolations(popup.page)).toEqual([]);

    await form.getByRole('textbox', { name: COMMENT_LABEL }).fill('');
    await form.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
    await expect(card.getByText(reportedToday())).toBeVisible();
    expect(await axeViolations(popup.page)).toEqual([]);

    await options.emulateMedia({ colorScheme: scheme });
    await expect(myReports(options).getByRole('listitem').first()).toContainText('epäonnistui');
    expect(await axeViolations(options)).toEqual([]);
  });
}

test('keyboard only: search, ↓, Enter copies, then report the selected service and send it', async ({ context, extensionId, popup }) => {
  await setReportEndpoint(context, extensionId, server.url);
  const page = popup.page;
  await popup.searchbox.focus();
  await page.keyboard.type('omaishoitaja tuki');
  // Each keystroke re-ranks and resets the selection: wait for the final results first.
  await popup.results();
  await popup.pressArrowDown();
  const serviceName = await popup.selectedName();
  await popup.pressEnter();
  expect(await popup.copiedNote()).toContain(serviceName);

  // Tab forward to the selected card's report button (the filters come first).
  const target = reportButton(popup.selectedResult);
  for (let presses = 0; presses < 30 && !(await target.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');

  const form = reportForm(popup.selectedResult);
  const field = form.getByRole('combobox', { name: FIELD_LABEL });
  await expect(field).toBeFocused();
  await page.keyboard.press('ArrowDown'); // phone → e-mail
  await expect(field).toHaveValue('email');
  await page.keyboard.press('Tab');
  await page.keyboard.type('info@example.fi');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Osoite vaihtunut');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Lähetä ilmoitus' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(target).toBeFocused();
  await expect(popup.selectedResult.getByText(reportedToday())).toBeVisible();
  await expect.poll(() => server.reports.length).toBe(1);
  expect(server.reports[0]).toMatchObject({ serviceName, field: 'email', suggestion: 'info@example.fi', comment: 'Osoite vaihtunut' });
});

test('Esc closes the report form and gives focus back to its button', async ({ popup }) => {
  await popup.search('omaishoitaja tuki');
  const card = popup.resultItems.first();
  await reportButton(card).click();
  await expect(reportForm(card).getByRole('combobox', { name: FIELD_LABEL })).toBeFocused();
  await popup.pressEscape();
  await expect(reportForm(card)).toHaveCount(0);
  await expect(reportButton(card)).toBeFocused();
});
