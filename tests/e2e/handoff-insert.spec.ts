/**
 * Insert where the cursor is (issue 16, item 3) in Chromium, against the local record-system
 * imitation. No test can open a browser context menu or press a browser shortcut, so each test
 * calls the background's own listeners (`onMenuClicked`, `onCommand`, the functions the real
 * `contextMenus.onClicked` and `commands.onCommand` run) in the service worker. The hand-off
 * test build grants 127.0.0.1 in place of activeTab (see handoff-fixtures.ts, docs/handoff.md).
 */
import type { Page, Worker } from '@playwright/test';
import type { InsertReport } from '../../utils/handoff/insert-note';
import { oneLine } from './popup-page';
import { expect, MENU_ID, test } from './handoff-fixtures';

const PREFIX = 'Potilas kertoi: ';

/** The nurse's real step before: search in the popup and copy the first note (it becomes the current note). */
async function copyNoteInPopup(page: Page, extensionId: string): Promise<string> {
  const popup = await page.context().newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('omaishoitaja tuki');
  await expect(popup.locator('ul.results > li').first()).toBeVisible();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toContainText('Kopioitu');
  const note = await popup.evaluate(() => navigator.clipboard.readText());
  await popup.close();
  await page.bringToFront();
  return note;
}

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (prefix) => {
    const tabs = await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.tabs.query({});
    return tabs.find((tab) => tab.url?.startsWith(prefix))!.id!;
  }, url);
}

type Hooks = {
  onMenuClicked(info: { menuItemId: string; frameId: number }, tab: { id: number }): Promise<InsertReport>;
  onCommand(command: string, tab: { id: number }): Promise<InsertReport>;
};

function menuClick(worker: Worker, tabId: number, frameId: number): Promise<InsertReport> {
  return worker.evaluate(
    ({ tabId, frameId, menuItemId }) => (globalThis as unknown as { jarjestoopasHandoff: Hooks }).jarjestoopasHandoff.onMenuClicked({ menuItemId, frameId }, { id: tabId }),
    { tabId, frameId, menuItemId: MENU_ID },
  );
}

function shortcut(worker: Worker, tabId: number): Promise<InsertReport> {
  return worker.evaluate(({ tabId }) => (globalThis as unknown as { jarjestoopasHandoff: Hooks }).jarjestoopasHandoff.onCommand('insert-note', { id: tabId }), { tabId });
}

/** The frame ids the extension can reach, by URL path (test-only: the extension itself reads no URL). */
async function frameIds(worker: Worker, tabId: number): Promise<Record<string, number>> {
  return worker.evaluate(async (tabId) => {
    const { scripting } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const results = await scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.href });
    return Object.fromEntries(results.map((result) => [new URL(result.result as string).pathname, result.frameId]));
  }, tabId);
}

test('the context menu inserts at the cursor in a textarea, keeps the text around it, and Ctrl+Z removes it', async ({ recordPage, handoffExtensionId, background, records }) => {
  const note = await copyNoteInPopup(recordPage, handoffExtensionId);
  const field = recordPage.locator('#plain');
  await field.click();
  await recordPage.keyboard.type(`${PREFIX} Jatko.`);
  // The cursor goes back before " Jatko.": the note lands in the middle.
  for (let i = 0; i < ' Jatko.'.length; i++) await recordPage.keyboard.press('ArrowLeft');
  const worker = await background();
  const tabId = await tabIdOf(worker, records.url);

  const report = await menuClick(worker, tabId, 0);
  expect(report).toMatchObject({ status: 'inserted', method: 'execCommand', element: 'textarea', frameId: 0 });
  await expect(field).toHaveValue(`${PREFIX}${note} Jatko.`);

  await field.focus();
  await recordPage.keyboard.press('Control+z');
  await expect(field).toHaveValue(`${PREFIX} Jatko.`);
});

test('contenteditable editor and React-controlled textarea get the note with the events they listen to', async ({ recordPage, handoffExtensionId, background, records }) => {
  const note = await copyNoteInPopup(recordPage, handoffExtensionId);
  const worker = await background();
  const tabId = await tabIdOf(worker, records.url);

  const editor = recordPage.locator('#editor');
  await editor.click();
  await recordPage.keyboard.type(PREFIX);
  // Her right-click ends the typing: Chrome would otherwise undo the typing and the note as one step.
  await recordPage.keyboard.press('ArrowLeft');
  await recordPage.keyboard.press('ArrowRight');
  const inputs = await recordPage.evaluate(() => {
    (window as unknown as { inputs: string[] }).inputs = [];
    document.getElementById('editor')!.addEventListener('input', (event) => (window as unknown as { inputs: string[] }).inputs.push((event as InputEvent).inputType));
    return 0;
  });
  expect(inputs).toBe(0);
  expect(await menuClick(worker, tabId, 0)).toMatchObject({ status: 'inserted', method: 'execCommand', element: 'contenteditable' });
  expect(oneLine(await editor.innerText())).toBe(oneLine(`${PREFIX}${note}`));
  // Line breaks survive as lines of the editor.
  expect((await editor.innerText()).split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(note.split('\n').length);
  expect(await recordPage.evaluate(() => (window as unknown as { inputs: string[] }).inputs)).toContain('insertText');
  await recordPage.keyboard.press('Control+z');
  expect(oneLine(await editor.innerText())).toBe(oneLine(PREFIX));

  const react = recordPage.locator('#react');
  await react.click();
  expect(await menuClick(worker, tabId, 0)).toMatchObject({ status: 'inserted', method: 'execCommand', element: 'textarea' });
  await expect(react).toHaveValue(note);
  // React's own state saw the change (its onChange ran): the echo renders the state.
  await expect(recordPage.locator('#react-state')).toHaveText(note, { useInnerText: false });
});

test('same-origin iframe by the menu’s frame id; the keyboard command finds the focused frame', async ({ recordPage, handoffExtensionId, background, records }) => {
  const note = await copyNoteInPopup(recordPage, handoffExtensionId);
  const worker = await background();
  const tabId = await tabIdOf(worker, records.url);
  const frames = await frameIds(worker, tabId);
  expect(Object.keys(frames).sort(), 'the cross-origin frame is out of reach').toEqual(['/', '/frame']);

  const inner = recordPage.frameLocator('#same').locator('#inner');
  await inner.click();
  expect(await menuClick(worker, tabId, frames['/frame']!)).toMatchObject({ status: 'inserted', method: 'execCommand', frameId: frames['/frame'] });
  await expect(inner).toHaveValue(note);
  await recordPage.keyboard.press('Control+z');
  await expect(inner).toHaveValue('');

  // The shortcut: no frame named; only the focused one (the plain textarea) inserts.
  await recordPage.locator('#plain').click();
  expect(await shortcut(worker, tabId)).toMatchObject({ status: 'inserted', frameId: 0, element: 'textarea' });
  await expect(recordPage.locator('#plain')).toHaveValue(note);
  await expect(inner).toHaveValue('');
  await inner.click();
  expect(await shortcut(worker, tabId)).toMatchObject({ status: 'inserted', frameId: frames['/frame'] });
  await expect(inner).toHaveValue(note);
});

test('where nothing can be inserted (canvas, cross-origin frame) the note is copied and the popup says to paste', async ({ recordPage, handoffExtensionId, background, records, handoffBrowser }) => {
  const note = await copyNoteInPopup(recordPage, handoffExtensionId);
  const worker = await background();
  const tabId = await tabIdOf(worker, records.url);
  const clear = () => recordPage.evaluate(() => navigator.clipboard.writeText(''));

  // A remote desktop's canvas: her right-click on it, then the menu.
  await clear();
  await recordPage.locator('#canvas').click({ button: 'right' });
  const onCanvas = await menuClick(worker, tabId, 0);
  expect(onCanvas).toMatchObject({ status: 'copied' });
  expect(onCanvas.status === 'copied' && onCanvas.reason).toContain('canvas');
  expect(await recordPage.evaluate(() => navigator.clipboard.readText())).toBe(note);

  // A cross-origin frame: the shortcut while its field has the focus.
  await clear();
  const cross = recordPage.frameLocator('#cross').locator('#inner');
  await cross.click();
  const inCross = await shortcut(worker, tabId);
  expect(inCross).toMatchObject({ status: 'copied' });
  await expect(cross).toHaveValue('');
  expect(await recordPage.evaluate(() => navigator.clipboard.readText())).toBe(note);

  // The popup tells her (the background opened it too; Playwright does not see that window).
  const popup = await handoffBrowser.newPage();
  await popup.goto(`chrome-extension://${handoffExtensionId}/popup.html`);
  await expect(popup.getByRole('alert')).toContainText('kopioitiin leikepöydälle. Liitä se painamalla Ctrl+V.');
  // An insertion that works clears the message.
  await recordPage.bringToFront();
  await recordPage.locator('#plain').click();
  expect(await menuClick(worker, tabId, 0)).toMatchObject({ status: 'inserted' });
  await popup.reload();
  await expect(popup.getByRole('searchbox')).toBeVisible();
  await expect(popup.getByRole('alert')).toHaveCount(0);
});

test('without a note the menu inserts nothing and the popup says what to do', async ({ recordPage, handoffExtensionId, background, records, handoffBrowser }) => {
  const worker = await background();
  const tabId = await tabIdOf(worker, records.url);
  await recordPage.locator('#plain').click();
  expect(await menuClick(worker, tabId, 0)).toEqual({ status: 'no-note' });
  await expect(recordPage.locator('#plain')).toHaveValue('');
  const popup = await handoffBrowser.newPage();
  await popup.goto(`chrome-extension://${handoffExtensionId}/popup.html`);
  await expect(popup.getByRole('alert')).toContainText('Ei liitettävää lähetettä');
});
