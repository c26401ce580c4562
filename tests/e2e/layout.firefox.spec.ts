/**
 * The popup's look in Firefox (production MV2 build): every state saved as a screenshot for
 * review and checked for clipped text and sideways scrolling, as in Chromium.
 */
import { expect, test } from './fixtures';
import { findLayoutProblems, NO_LAYOUT_PROBLEMS } from './layout-checks';

test('Firefox: no state cuts text off or scrolls sideways', async ({ firefoxPopup: popup }, testInfo) => {
  const shoot = async (state: string) => {
    const file = testInfo.outputPath(`layout-firefox-${state}.png`);
    await popup.screenshot(file);
    await testInfo.attach(`layout-firefox-${state}`, { path: file, contentType: 'image/png' });
    expect(await popup.page.evaluate(findLayoutProblems), state).toEqual(NO_LAYOUT_PROBLEMS);
  };

  await shoot('empty');
  await popup.search('omaishoitaja tuki');
  await shoot('results');
  await popup.page.click('button[aria-expanded="false"]');
  await shoot('note-preview');
  await popup.page.focus('input[type="search"]');
  await popup.pressEnter();
  await popup.copiedNote();
  await shoot('copied');
  await popup.page.keyboard.press('Escape');
  await popup.search('xqzvwk');
  await shoot('no-results');
});
