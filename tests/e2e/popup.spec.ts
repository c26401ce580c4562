/**
 * The nurse's journeys through the popup, in Chromium against the production MV3 build.
 */
import path from 'node:path';
import { organisation, serviceNameServes } from './catalogue';
import { expect, test } from './fixtures';
import { FILTER_LABELS, oneLine } from './popup-page';

const CARER_QUERY = 'omaishoitaja tuki';
const POLLI = organisation('polli-paakaupunkiseudun-omaishoitajat');

test('the search box has focus when the popup opens', async ({ popup }) => {
  await expect(popup.searchbox).toBeFocused();
  await expect(popup.searchbox).toHaveAttribute('type', 'search');
});

test('all four filters are there, labelled, folded into one line until opened', async ({ popup }) => {
  await expect(popup.filterSummary).toHaveText('Rajaa hakua');
  await expect(popup.filter('Kunta')).toBeHidden();
  await popup.openFilters();
  for (const label of FILTER_LABELS) {
    await expect(popup.filter(label), `filter "${label}"`).toBeVisible();
  }
});

test('typing a need and pressing Enter copies the first result’s referral note', async ({ popup }) => {
  await popup.search(CARER_QUERY);
  const names = await popup.results();
  expect(names.length).toBeGreaterThan(0);
  const first = popup.resultItems.first();
  await expect(first).toContainText('Pääkaupunkiseudun Omaishoitajat');
  await expect(popup.copyButton(first)).toBeVisible();
  await expect(first).toHaveAttribute('aria-current', 'true');

  await popup.pressEnter();
  const note = await popup.copiedNote();

  expect(oneLine(note)).toContain(names[0]);
  expect(note).toContain('Pääkaupunkiseudun Omaishoitajat');
  // POLLI's only contact in the catalogue is its website (no phone, no email).
  expect(POLLI.website).toBe('https://www.polli.fi');
  // Links are given by host name (issue12 item 10): the reader sees where a link really goes.
  expect(note).toContain('Verkossa: polli.fi');
  await expect(popup.status).toContainText('Kopioitu');
  await expect(popup.status).toBeVisible();
});

test('ArrowDown then Enter copies the second result', async ({ popup }) => {
  await popup.search(CARER_QUERY);
  const names = await popup.results();
  expect(names.length, 'needs at least two results').toBeGreaterThan(1);
  expect(await popup.selectedName()).toBe(names[0]);

  await popup.pressArrowDown();
  expect(await popup.selectedName()).toBe(names[1]);
  await popup.pressArrowUp();
  expect(await popup.selectedName()).toBe(names[0]);
  await popup.pressArrowDown();

  await popup.pressEnter();
  const note = oneLine(await popup.copiedNote());
  expect(note).toContain(names[1]);
  if (!names[1]!.includes(names[0]!)) expect(note).not.toContain(names[0]);
});

test('clicking a result opens its buttons; its own button copies that result’s note', async ({ popup }) => {
  await popup.search(CARER_QUERY);
  const names = await popup.results();
  const last = names.length - 1;
  await expect(popup.resultItems.locator('h2')).toHaveCount(names.length);
  // Only the selected result shows its buttons (three results fit at a glance).
  await expect(popup.page.getByRole('button', { name: /^Kopioi lähete/ })).toHaveCount(1);

  await popup.resultItems.nth(last).locator('h2').click();
  expect(await popup.selectedName()).toBe(names[last]);
  await popup.copyButton(popup.resultItems.nth(last)).click();
  expect(oneLine(await popup.copiedNote())).toContain(names[last]);
});

test('Escape clears the search box', async ({ popup }) => {
  await popup.search(CARER_QUERY);
  await popup.pressEscape();
  await expect(popup.searchbox).toHaveValue('');
});

test('a query that matches nothing says so', async ({ popup }) => {
  await popup.search('xqzvwk plorbt');
  await expect(popup.noResults).toBeVisible();
  await expect(popup.resultItems).toHaveCount(0);
});

test('the city filter Kerava leaves out services only for Vantaa', async ({ popup }) => {
  // Peer support in recovery: Vantaan A-Kilta works only in Vantaa, national services everywhere.
  await popup.search('päihdetoipujien vertaistuki');
  const before = await popup.results();
  const vantaaOnly = before.filter((name) => !serviceNameServes(name, 'kerava'));
  expect(vantaaOnly, 'the unfiltered results include a Vantaa-only service').not.toEqual([]);

  await popup.chooseFilter('Kunta', 'Kerava');
  await expect(popup.result(vantaaOnly[0]!)).toHaveCount(0);
  const after = await popup.results();

  expect(after.length).toBeGreaterThan(0);
  expect(after.filter((name) => !serviceNameServes(name, 'kerava'))).toEqual([]);
});

test('the popup with results, as the nurse sees it (screenshot)', async ({ popup }, testInfo) => {
  await popup.search(CARER_QUERY);
  await popup.results();
  const file = path.join(testInfo.project.outputDir, 'popup-results-chromium.png');
  await popup.page.screenshot({ path: file, fullPage: true });
  await testInfo.attach('popup-results-chromium', { path: file, contentType: 'image/png' });
});
