import { browser } from '#imports';

/** The part of the toolbar button the hand-off uses: Chrome MV3 `action`, Firefox MV2 `browserAction`. */
export interface PopupAction {
  openPopup?: () => Promise<void>;
  /** `text: null` with a tabId hands that tab back to the shared badge (info sessions). */
  setBadgeText(details: { tabId?: number; text: string | null }): Promise<void> | void;
}

export function toolbarAction(): PopupAction | undefined {
  const api = browser as unknown as { action?: PopupAction; browserAction?: PopupAction };
  return api.action ?? api.browserAction;
}
