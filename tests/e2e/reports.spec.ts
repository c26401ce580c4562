/**
 * Stale-contact reports in real Chromium, from the result card to a report endpoint on
 * 127.0.0.1 that answers like a real one (CORS preflight, Idempotency-Key, JSON Schema).
 */
import { expect, test } from './fixtures';
import { ReportServer } from '../report-server';
import { COMMENT_LABEL, FIELD_LABEL, HETU_ACROSS_ERROR, HETU_ERROR, myReports, reportButton, reportedToday, reportForm, setReportEndpoint, SUGGESTION_LABEL } from './reports-page';

let server: ReportServer;

test.beforeEach(async () => {
  server = new ReportServer();
  await server.start();
});

test.afterEach(async () => {
  await server.stop();
});

test('card → form → submit: the endpoint receives the report once, the card says "Ilmoitettu"', async ({ context, extensionId, popup }) => {
  await setReportEndpoint(context, extensionId, server.url);
  await popup.search('omaishoitaja tuki');
  const card = popup.resultItems.first();
  const serviceName = await popup.selectedName();
  await reportButton(card).click();

  const form = reportForm(card);
  await expect(form.getByRole('combobox', { name: FIELD_LABEL })).toBeFocused();
  await form.getByRole('combobox', { name: FIELD_LABEL }).selectOption({ label: 'Puhelinnumero' });
  await form.getByRole('textbox', { name: SUGGESTION_LABEL }).fill('09 1234 5678');
  await form.getByRole('textbox', { name: COMMENT_LABEL }).fill('Vanha numero ei vastaa.');
  await form.getByRole('button', { name: 'Lähetä ilmoitus' }).click();

  await expect(card.getByText(reportedToday())).toBeVisible();
  await expect(reportButton(card)).toBeFocused();
  await expect.poll(() => server.reports.length).toBe(1);
  const report = server.reports[0] as Record<string, unknown>;
  expect(report).toMatchObject({ serviceName, field: 'phone', suggestion: '09 1234 5678', comment: 'Vanha numero ei vastaa.' });
  expect(server.posts).toHaveLength(1);
  expect(server.posts[0]).toMatchObject({ idempotencyKey: report.id, origin: `chrome-extension://${extensionId}` });

  // The options page lists it as sent.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(myReports(options).getByRole('listitem').first()).toContainText('lähetetty');
});

test('a valid henkilötunnus is refused with the reason; an invalid-checksum lookalike is accepted', async ({ context, extensionId, popup }) => {
  await setReportEndpoint(context, extensionId, server.url);
  await popup.search('omaishoitaja tuki');
  const card = popup.resultItems.first();
  await reportButton(card).click();
  const form = reportForm(card);
  const comment = form.getByRole('textbox', { name: COMMENT_LABEL });

  await comment.fill('Asiakas 010594Y9021 yritti soittaa');
  await form.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
  await expect(form.getByRole('alert')).toContainText(HETU_ERROR);
  await expect(comment).toBeFocused();
  await expect(comment).toHaveAttribute('aria-invalid', 'true');

  await comment.fill('Viite 010594Y9022 ei vastaa');
  await form.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
  await expect(card.getByText(reportedToday())).toBeVisible();
  await expect.poll(() => server.reports.length).toBe(1);
  expect(server.reports[0]).toMatchObject({ comment: 'Viite 010594Y9022 ei vastaa' });
  expect(JSON.stringify(server.posts)).not.toContain('010594Y9021');
});

test('a henkilötunnus spaced out, hidden with invisible characters or split over both fields is refused (issue 19, M4)', async ({ context, extensionId, popup }) => {
  await setReportEndpoint(context, extensionId, server.url);
  await popup.search('omaishoitaja tuki');
  const card = popup.resultItems.first();
  await reportButton(card).click();
  const form = reportForm(card);
  const suggestion = form.getByRole('textbox', { name: SUGGESTION_LABEL });
  const comment = form.getByRole('textbox', { name: COMMENT_LABEL });
  const send = form.getByRole('button', { name: 'Lähetä ilmoitus' });

  for (const text of ['Asiakas 13 10 52-308T', 'Asiakas 131052-308 T', 'Asiakas 1310\u034f52-30\ufe0f8T', 'Asiakas 131052\u3164308T']) {
    await comment.fill(text);
    await send.click();
    await expect(form.getByRole('alert')).toContainText(HETU_ERROR);
    await expect(comment).toHaveAttribute('aria-invalid', 'true');
  }

  await suggestion.fill('131052');
  await comment.fill('-308T');
  await send.click();
  await expect(form.getByRole('alert')).toContainText(HETU_ACROSS_ERROR);
  await expect(suggestion).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(suggestion).toBeFocused();

  // A phone number and a comment that start with digits are sent as they are.
  await suggestion.fill('050 765 4321');
  await comment.fill('13.10.1952 alkaen ma–pe 9–15');
  await send.click();
  await expect(card.getByText(reportedToday())).toBeVisible();
  await expect.poll(() => server.reports.length).toBe(1);
  expect(JSON.stringify(server.reports)).not.toContain('308');
});

test('no endpoint and no maintainer address: the form says whom to tell, and the report is kept', async ({ context, extensionId, popup }) => {
  await popup.search('omaishoitaja tuki');
  const card = popup.resultItems.first();
  await reportButton(card).click();
  await reportForm(card).getByRole('combobox', { name: FIELD_LABEL }).selectOption({ label: 'Palvelu on päättynyt' });
  await reportForm(card).getByRole('button', { name: 'Lähetä ilmoitus' }).click();
  // The bundled catalogue names no address (a deployment setting): no guessed e-mail.
  await expect(card.getByRole('link', { name: 'Avaa sähköposti ylläpitäjälle' })).toHaveCount(0);
  await expect(card.locator('.report-kept')).toContainText('kerro asiasta ylläpitäjälle (VAKE järjestöyhteistyö');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(myReports(options).getByRole('listitem').first()).toContainText('odottaa');
  expect(server.posts).toHaveLength(0);
});

test('400 from the endpoint is shown with its reason; retry from "Omat ilmoitukset" delivers it', async ({ context, extensionId, popup }) => {
  const options = await setReportEndpoint(context, extensionId, server.url);
  server.failNext({ status: 400, body: { error: 'tuntematon palvelu' } });
  await popup.search('omaishoitaja tuki');
  const card = popup.resultItems.first();
  await reportButton(card).click();
  await reportForm(card).getByRole('button', { name: 'Lähetä ilmoitus' }).click();

  const item = myReports(options).getByRole('listitem').first();
  await expect(item).toContainText('epäonnistui: HTTP 400 Bad Request: tuntematon palvelu');
  await item.getByRole('button', { name: /^Yritä uudelleen/ }).click();
  await expect(item).toContainText('lähetetty');
  // The options page has a status line per section; the reports' one announces the delivery.
  await expect(options.getByRole('status').filter({ hasText: 'lähetetty' })).toBeVisible();
  expect(server.reports).toHaveLength(1);
});
