import type { CurrentNote } from './current-note';
import type { FrameInsertResult, InsertMethod } from './insert-in-page';

/** Where to insert: the frame the context menu was opened in, or (keyboard command) whichever frame has the focus. */
export interface InsertTarget {
  tabId: number;
  frameId?: number;
}

export type InsertReport =
  | { status: 'inserted'; method: InsertMethod; element: string; frameId: number }
  /** Nothing could take the text (no access to the frame, a canvas, no editable focus): copied instead. */
  | { status: 'copied'; reason: string }
  /** ... and the clipboard refused too: the popup offers a copy button. */
  | { status: 'copy-failed'; reason: string }
  | { status: 'no-note' };

interface FrameAnswer {
  frameId: number;
  result: FrameInsertResult | undefined;
}

export interface NoteInserterDeps {
  /** The current note (already checked for expiry), or null. */
  readNote: () => Promise<CurrentNote | null>;
  /** Runs the page insertion in one frame (`frameId`) or in every frame; throws when the extension has no access. */
  insertInFrames: (target: { tabId: number; frameId?: number }, text: string) => Promise<FrameAnswer[]>;
  /** Copies the text from the page's top frame; false when the page or the browser refuses. */
  copyInPage: (tabId: number, text: string) => Promise<boolean>;
  /** Copies in the extension's own background (Firefox's background page has a document); false where it cannot. */
  copyInBackground: (text: string) => Promise<boolean>;
  /** Tells her what happened when the text could not be inserted (popup message, badge); an insertion clears it. */
  tell: (report: InsertReport, tabId: number) => Promise<void>;
}

function describeFailure(answers: FrameAnswer[] | null, error: unknown): string {
  if (!answers) return `no access to the frame (${error instanceof Error ? error.message : String(error)})`;
  const seen = answers.map((answer) => answer.result?.status ?? 'no answer');
  const notEditable = answers.find((answer) => answer.result?.status === 'not-editable')?.result;
  if (notEditable?.status === 'not-editable') return `the focused element (${notEditable.element}) takes no text`;
  if (seen.includes('in-child-frame')) return 'the focus is in a frame the extension cannot reach';
  return `no editable field has the focus (${seen.join(', ') || 'no frame answered'})`;
}

/**
 * The context menu's and the keyboard command's one code path: insert the current note at the
 * cursor, else copy it and tell her to paste. Dependencies are injected so that unit tests
 * run it without a browser and e2e tests call the very same function in the service worker.
 */
export function createNoteInserter(deps: NoteInserterDeps) {
  return async function insertCurrentNote(target: InsertTarget): Promise<InsertReport> {
    const note = await deps.readNote();
    if (!note) {
      const report: InsertReport = { status: 'no-note' };
      await deps.tell(report, target.tabId);
      return report;
    }
    let answers: FrameAnswer[] | null = null;
    let error: unknown = null;
    try {
      answers = await deps.insertInFrames(target.frameId === undefined ? { tabId: target.tabId } : { tabId: target.tabId, frameId: target.frameId }, note.text);
    } catch (caught) {
      error = caught;
    }
    const inserted = answers?.find((answer) => answer.result?.status === 'inserted');
    if (inserted?.result?.status === 'inserted') {
      const report: InsertReport = { status: 'inserted', method: inserted.result.method, element: inserted.result.element, frameId: inserted.frameId };
      await deps.tell(report, target.tabId);
      return report;
    }
    const reason = describeFailure(answers, error);
    const copied = (await deps.copyInPage(target.tabId, note.text).catch(() => false)) || (await deps.copyInBackground(note.text).catch(() => false));
    const report: InsertReport = copied ? { status: 'copied', reason } : { status: 'copy-failed', reason };
    await deps.tell(report, target.tabId);
    return report;
  };
}
