/**
 * The functions `scripting.executeScript` runs inside the page's frame. Each must be
 * self-contained (it is serialised: no imports, no outer variables). They read nothing from the
 * page but where the cursor is, and return only what happened.
 */

export type InsertMethod = 'execCommand' | 'setRangeText' | 'range';

export type FrameInsertResult =
  | { status: 'inserted'; method: InsertMethod; element: string }
  /** This frame does not have the focus (another frame or another window has it). */
  | { status: 'no-focus' }
  /** The focus is on a child frame of this one: that frame answers for itself. */
  | { status: 'in-child-frame' }
  /** The focus is on something that takes no text (a canvas, a button, the page itself). */
  | { status: 'not-editable'; element: string };

/**
 * Inserts `text` at the cursor of the focused editable element of this frame.
 *
 * 1. `document.execCommand('insertText')`: the browser's own typing path, so the page's undo
 *    (Ctrl+Z) removes the insertion and `beforeinput`/`input` fire as when she types; React,
 *    Vue, Angular and rich-text editors see a normal edit. Chrome and Firefox (89+) both
 *    support it on textarea, input and contenteditable.
 * 2. If the browser refuses it (returns false or changes nothing): `setRangeText` on a text
 *    field, or a Range insertion in a contenteditable, followed by an `input` event. Frameworks
 *    see the change, but the page's undo does not know it (measured in docs/handoff.md).
 */
export function insertTextAtCursor(text: string, onlyIfFocused: boolean): FrameInsertResult {
  // A key press names no frame: every frame is asked and only the focused one answers. A menu
  // click names its frame, whose active element is the field she right-clicked.
  if (onlyIfFocused && !document.hasFocus()) return { status: 'no-focus' };
  let element: Element | null = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  if (!element) return { status: 'not-editable', element: 'none' };
  const kind = element.tagName.toLowerCase();
  if (kind === 'iframe' || kind === 'frame') return { status: 'in-child-frame' };
  const textField =
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLInputElement && ['text', 'search', 'url', 'tel', 'email', ''].includes(element.type));
  const field = textField ? (element as HTMLTextAreaElement | HTMLInputElement) : null;
  const editable = field ? !field.readOnly && !field.disabled : (element as HTMLElement).isContentEditable || document.designMode === 'on';
  if (!editable) return { status: 'not-editable', element: kind };
  const describe = field ? kind : 'contenteditable';
  const snapshot = () => (field ? field.value : (element as HTMLElement).textContent);

  const before = snapshot();
  let accepted = false;
  try {
    accepted = document.execCommand('insertText', false, text);
  } catch {
    accepted = false;
  }
  if (accepted && snapshot() !== before) return { status: 'inserted', method: 'execCommand', element: describe };

  if (field) {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return { status: 'inserted', method: 'setRangeText', element: describe };
  }
  const selection = document.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || !element.contains(range.commonAncestorContainer)) return { status: 'not-editable', element: describe };
  range.deleteContents();
  const fragment = document.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(document.createElement('br'));
    fragment.append(document.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    selection!.removeAllRanges();
    selection!.addRange(range);
  }
  element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return { status: 'inserted', method: 'range', element: describe };
}

/**
 * The fallback where nothing can be inserted: the note goes to the clipboard from the page's
 * top frame (focused, and within the user activation of her right-click or key press).
 */
export async function copyTextInPage(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
