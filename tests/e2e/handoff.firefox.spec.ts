/**
 * The hand-off in Firefox ESR (MV2 build for hand-off tests, puppeteer-core over WebDriver BiDi):
 * inserting at the cursor on the record-system imitation through the background's own menu and
 * command listeners (reached from an extension page with runtime.getBackgroundPage()), the
 * clipboard fallback, and the client printout.
 */
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_UUID, expect, launchFirefoxWithExtension, test } from './fixtures';
import { HANDOFF_FIREFOX_BUILD, MENU_ID } from './handoff-fixtures';
import { FirefoxPopup } from './popup-page';
import { startRecordServers, type RecordServers } from './record-server';

const POPUP_URL = `moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let records: RecordServers;
test.beforeAll(async () => {
  records = await startRecordServers();
});
test.afterAll(async () => {
  await records?.close();
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

/** Runs the background's menu or command listener from an extension page. */
function callBackground(extensionPage: Page, call: { kind: 'menu' | 'command'; url: string; frameId?: number }): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(
    async ({ kind, url, frameId, menuItemId }) => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      const tab = (await api.tabs.query({})).find((candidate) => candidate.url?.startsWith(url))!;
      const background = (await api.runtime.getBackgroundPage()) as unknown as {
        jarjestoopasHandoff: {
          onMenuClicked(info: object, tab: object): Promise<unknown>;
          onCommand(command: string, tab: object): Promise<unknown>;
        };
      };
      const hooks = background.jarjestoopasHandoff;
      const report = kind === 'menu' ? await hooks.onMenuClicked({ menuItemId, frameId: frameId ?? 0 }, { id: tab.id }) : await hooks.onCommand('insert-note', { id: tab.id });
      return JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    },
    { ...call, menuItemId: MENU_ID },
  );
}

async function setUp(firefox: Browser): Promise<{ record: Page; popup: FirefoxPopup; note: string }> {
  const record = await firefox.newPage();
  await record.goto(records.url);
  await record.waitForSelector('#react');
  const popup = new FirefoxPopup(await firefox.newPage());
  await popup.open(POPUP_URL);
  await popup.search('omaishoitaja tuki');
  await popup.pressEnter();
  const note = await popup.copiedNote();
  await record.bringToFront();
  return { record, popup, note };
}

test('Firefox: the menu inserts into a textarea (undo removes it), a contenteditable and a React textarea; a canvas falls back to the clipboard', async () => {
  const firefox = await launchFirefoxWithExtension(HANDOFF_FIREFOX_BUILD, 'wxt build -b firefox --mode handoff-e2e');
  try {
    const { record, popup, note } = await setUp(firefox);
    const value = (selector: string) => record.$eval(selector, (element) => (element as HTMLTextAreaElement).value);

    await record.click('#plain');
    await record.keyboard.type('Potilas kertoi: ');
    await record.keyboard.press('ArrowLeft');
    await record.keyboard.press('ArrowRight');
    const plain = await callBackground(popup.page, { kind: 'menu', url: records.url });
    console.log('firefox textarea:', JSON.stringify(plain));
    expect(plain).toMatchObject({ status: 'inserted', element: 'textarea' });
    expect(await value('#plain')).toBe(`Potilas kertoi: ${note}`);
    await record.bringToFront();
    await record.focus('#plain');
    await record.keyboard.down('Control');
    await record.keyboard.press('z');
    await record.keyboard.up('Control');
    expect(await until(() => value('#plain'), (text) => text === 'Potilas kertoi: ')).toBe('Potilas kertoi: ');

    await record.click('#editor');
    const editor = await callBackground(popup.page, { kind: 'menu', url: records.url });
    console.log('firefox contenteditable:', JSON.stringify(editor));
    expect(editor).toMatchObject({ status: 'inserted', element: 'contenteditable' });
    const editorText = await record.$eval('#editor', (element) => (element as HTMLElement).innerText);
    expect(editorText.replace(/\s+/g, ' ').trim()).toBe(note.replace(/\s+/g, ' ').trim());

    await record.click('#react');
    const react = await callBackground(popup.page, { kind: 'menu', url: records.url });
    console.log('firefox react:', JSON.stringify(react));
    expect(react).toMatchObject({ status: 'inserted', element: 'textarea' });
    expect(await until(() => record.$eval('#react-state', (element) => element.textContent), (text) => text === note)).toBe(note);

    // The shortcut path: every frame asked, the focused one inserts.
    await record.bringToFront();
    await record.$eval('#plain', (element) => ((element as HTMLTextAreaElement).value = ''));
    await record.click('#plain');
    const command = await callBackground(popup.page, { kind: 'command', url: records.url });
    console.log('firefox command:', JSON.stringify(command));
    expect(command).toMatchObject({ status: 'inserted', frameId: 0 });

    // Frames, by the shortcut (no frame named): the same-origin frame inserts; in the
    // cross-origin one nothing can, so the note is copied.
    const frameOf = (path: string) => record.frames().find((frame) => frame.url().endsWith(path))!;
    const same = frameOf(`127.0.0.1:${new URL(records.url).port}/frame`);
    await same.click('#inner');
    const inSame = await callBackground(popup.page, { kind: 'command', url: records.url });
    console.log('firefox same-origin iframe:', JSON.stringify(inSame));
    expect(inSame).toMatchObject({ status: 'inserted' });
    expect(await same.$eval('#inner', (element) => (element as HTMLTextAreaElement).value)).toBe(note);
    const cross = frameOf(`${new URL(records.otherOrigin).host}/frame`);
    await cross.click('#inner');
    const inCross = await callBackground(popup.page, { kind: 'command', url: records.url });
    console.log('firefox cross-origin iframe:', JSON.stringify(inCross));
    expect(inCross.status === 'copied' || inCross.status === 'copy-failed').toBe(true);
    expect(await cross.$eval('#inner', (element) => (element as HTMLTextAreaElement).value)).toBe('');

    // A canvas takes no text: the note goes to the clipboard (or she is offered a copy button).
    await popup.page.evaluate(() => navigator.clipboard.writeText(''));
    await record.bringToFront();
    await record.click('#canvas', { button: 'right' });
    await record.keyboard.press('Escape');
    const canvas = await callBackground(popup.page, { kind: 'menu', url: records.url });
    console.log('firefox canvas:', JSON.stringify(canvas));
    expect(canvas.status === 'copied' || canvas.status === 'copy-failed').toBe(true);
    expect(String(canvas.reason)).toContain('canvas');
    if (canvas.status === 'copied') {
      // She pastes it herself: Ctrl+V in the (emptied) textarea gives the note.
      await record.$eval('#plain', (element) => ((element as HTMLTextAreaElement).value = ''));
      await record.click('#plain');
      await record.keyboard.down('Control');
      await record.keyboard.press('v');
      await record.keyboard.up('Control');
      expect(await until(() => value('#plain'), (text) => text === note)).toBe(note);
    }
  } finally {
    await firefox.close();
  }
});

test('Firefox: the printout opens with the pick list in the client’s language and QR codes', async () => {
  const firefox = await launchFirefoxWithExtension(HANDOFF_FIREFOX_BUILD, 'wxt build -b firefox --mode handoff-e2e');
  try {
    const popup = new FirefoxPopup(await firefox.newPage());
    await popup.open(POPUP_URL);
    await popup.search('kriisi');
    await popup.page.click('ul.results > li[aria-current="true"] button[aria-pressed="false"]');
    // The button's tabs.create is checked in Chromium; BiDi does not list that tab here, so the
    // same page is opened directly (the pick list is in storage.session either way).
    const print = await firefox.newPage();
    void print.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/print.html`).catch(() => undefined);
    // waitForSelector builds a Function, which the extension page's CSP refuses: poll instead.
    await until(() => print.evaluate(() => document.querySelectorAll('.print-service h2').length).catch(() => 0), (count) => count > 0);
    expect(await print.$eval('h1', (element) => element.textContent)).toBe('Järjestöjen apua sinulle');
    await until(() => print.$$eval('img.print-qr', (images) => images.length), (count) => count > 0);
    expect(await print.$$eval('img.print-qr', (images) => (images[0] as HTMLImageElement).naturalWidth)).toBeGreaterThan(20);
    await print.evaluate(() => {
      const select = document.querySelector('select')!;
      select.value = 'en';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await until(() => print.$eval('h1', (element) => element.textContent), (text) => text === 'Help from organisations for you')).toBe('Help from organisations for you');
  } finally {
    await firefox.close();
  }
});
