import { browser } from '#imports';
import type { BackgroundAdapters } from '../background/adapters';
import { toolbarAction } from '../background/toolbar-action';
import { createTranslator, resolveUiLanguage } from '../i18n/messages';
import { readPreferences } from '../preferences';
import { currentNoteItem, insertOutcomeItem, pickListItem, preferencesItem } from '../storage';
import { liveCurrentNote } from './current-note';
import { copyTextInPage, insertTextAtCursor, type FrameInsertResult } from './insert-in-page';
import { createNoteInserter, type InsertReport, type InsertTarget } from './insert-note';
import { livePickList, PICK_LIFETIME_MS, pickListExpiresAt } from './pick-list';

const INSERT_MENU_ID = 'handoff.insert-note';
/** The manifest's `commands` key (wxt.config.ts). */
const INSERT_COMMAND = 'insert-note';
const EXPIRY_ALARM = 'handoff.expiry';

interface MenuClick {
  menuItemId: string | number;
  frameId?: number;
}

async function translator() {
  const preferences = readPreferences(await preferencesItem.getValue());
  return createTranslator(resolveUiLanguage(preferences.uiLanguage, browser.i18n.getUILanguage()));
}

const readNote = async () => liveCurrentNote(await currentNoteItem.getValue(), Date.now());

/** The context menu item names the note it inserts; without a note it says so and is disabled. */
async function refreshMenu(): Promise<void> {
  const [note, t] = await Promise.all([readNote(), translator()]);
  await browser.contextMenus.update(INSERT_MENU_ID, {
    title: note ? t('insertMenuTitle', note.label) : t('insertMenuNoNote'),
    enabled: note !== null,
  });
}

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  const t = await translator();
  browser.contextMenus.create({ id: INSERT_MENU_ID, title: t('insertMenuNoNote'), contexts: ['editable'], enabled: false });
  await refreshMenu();
}

/** Forgets the visit's pick list and note when their two hours are up (readers check it too). */
async function expireIfDue({ alarms, clock }: Pick<BackgroundAdapters, 'alarms' | 'clock'>): Promise<void> {
  const now = clock.now();
  const [storedList, storedNote] = await Promise.all([pickListItem.getValue(), currentNoteItem.getValue()]);
  const list = livePickList(storedList, now);
  const note = liveCurrentNote(storedNote, now);
  if (list.entries.length === 0 && storedList.entries.length > 0) await pickListItem.removeValue();
  if (!note && storedNote) await currentNoteItem.removeValue();
  const due = [pickListExpiresAt(list), note ? note.savedAt + PICK_LIFETIME_MS : null].filter((at): at is number => at !== null);
  if (due.length > 0) await alarms.create(EXPIRY_ALARM, { when: Math.max(Math.min(...due), now + 1000) });
  else await alarms.clear(EXPIRY_ALARM);
}

async function tell(report: InsertReport, tabId: number): Promise<void> {
  if (report.status === 'inserted') return insertOutcomeItem.removeValue();
  await insertOutcomeItem.setValue({ kind: report.status, at: Date.now() });
  const action = toolbarAction();
  try {
    // Firefox allows it in a menu click or a command; Chrome 127+ for the focused window.
    await action?.openPopup?.();
  } catch {
    // No popup (Chrome before 127, or no focused window): the badge points her to it.
    await action?.setBadgeText({ tabId, text: '!' });
  }
}

const insertCurrentNote = createNoteInserter({
  readNote,
  insertInFrames: async ({ tabId, frameId }, text) => {
    const results = await browser.scripting.executeScript({
      target: frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] },
      func: insertTextAtCursor,
      args: [text, frameId === undefined],
    });
    return results.map((result) => ({ frameId: result.frameId, result: result.result as FrameInsertResult | undefined }));
  },
  copyInPage: async (tabId, text) => {
    const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: copyTextInPage, args: [text] });
    return result?.result === true;
  },
  copyInBackground: async (text) => {
    // A Firefox MV2 background page has a document and a clipboard; Chrome's service worker has neither.
    if (typeof document === 'undefined' || !navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  },
  tell,
});

function onMenuClicked(info: MenuClick, tab: { id?: number } | undefined): Promise<InsertReport> | undefined {
  if (info.menuItemId !== INSERT_MENU_ID || tab?.id === undefined) return undefined;
  const target: InsertTarget = { tabId: tab.id, frameId: info.frameId ?? 0 };
  return insertCurrentNote(target);
}

async function onCommand(command: string, tab?: { id?: number }): Promise<InsertReport | undefined> {
  if (command !== INSERT_COMMAND) return undefined;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  // No frame is known for a key press: every frame is asked, only the focused one inserts.
  return tabId === undefined ? undefined : insertCurrentNote({ tabId });
}

/**
 * The hand-off in the background: the "Liitä lähete" context menu on editable fields, the
 * keyboard command, and the two-hour expiry. Listeners are registered synchronously (MV3).
 * The same handlers are reachable as `globalThis.jarjestoopasHandoff` so that the e2e tests,
 * which cannot click a browser menu, run exactly the menu's and the command's code path.
 */
export function setupHandoffBackground(adapters: BackgroundAdapters): void {
  const warn = (what: string) => (error: unknown) => console.warn(`handoff: ${what}`, error);
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab)?.catch(warn('insert failed')));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab).catch(warn('insert failed')));
  const expire = () => void expireIfDue(adapters).catch(warn('expiry'));
  adapters.alarms.on(EXPIRY_ALARM, expire);
  currentNoteItem.watch(() => {
    void refreshMenu().catch(warn('menu'));
    expire();
  });
  preferencesItem.watch(() => void refreshMenu().catch(warn('menu')));
  void createMenu().catch(warn('menu'));
  expire();
  (globalThis as { jarjestoopasHandoff?: unknown }).jarjestoopasHandoff = { onMenuClicked, onCommand, insertCurrentNote };
}
