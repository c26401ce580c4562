import { expect, test } from './fixtures';
test('debug nonsense', async ({ popup }) => {
  console.log('initial items', await popup.resultItems.count(), await popup.page.locator('main p').first().textContent());
  for (const q of ['xqzvwk', 'plorbt', 'asdfghjkl', 'xyzzy foobar', 'blorft']) {
    await popup.searchbox.fill(q);
    await popup.page.waitForTimeout(1500);
    console.log(q, '->', await popup.resultItems.count(), await popup.page.locator('main').textContent().then(t => t?.slice(0, 60)));
  }
  const info = await popup.page.evaluate(() => ({ lang: navigator.language, ui: (globalThis as any).chrome?.i18n?.getUILanguage?.() }));
  console.log(info);
});
