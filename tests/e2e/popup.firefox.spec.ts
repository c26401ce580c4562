/**
 * The core journey in Firefox, against the production MV2 build (puppeteer-core over BiDi).
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { SEARCH_LABEL, oneLine } from './popup-page';

test('Firefox: type a need, press Enter, the note is on the clipboard', async ({ firefoxPopup: popup }, testInfo) => {
  expect(await popup.searchHasFocus()).toBe(true);
  expect(oneLine(await popup.searchLabel())).toBe(SEARCH_LABEL);

  await popup.search('omaishoitaja tuki');
  const names = await popup.results();
  expect(names.length).toBeGreaterThan(0);

  const file = path.join(testInfo.project.outputDir, 'popup-results-firefox.png');
  await popup.screenshot(file);
  await testInfo.attach('popup-results-firefox', { path: file, contentType: 'image/png' });

  await popup.pressEnter();
  const note = await popup.copiedNote();
  expect(oneLine(note)).toContain(names[0]);
  expect(note).toContain('Pääkaupunkiseudun Omaishoitajat');
  expect(note).toContain('Verkossa: polli.fi');
  expect(await popup.statusText()).toContain('Kopioitu');
});
