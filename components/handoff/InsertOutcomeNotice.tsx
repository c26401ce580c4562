import { browser } from '#imports';
import { useEffect, useState } from 'react';
import { liveCurrentNote, readCurrentNote } from '@/utils/handoff/current-note';
import { readInsertOutcome, type InsertOutcome } from '@/utils/handoff/insert-outcome';
import { toolbarAction } from '@/utils/background/toolbar-action';
import { currentNoteItem, insertOutcomeItem } from '@/utils/storage';
import { useClipboard } from '@/components/search/use-clipboard';
import { useI18n } from '@/components/shared/use-i18n';
import { useStoredItem } from '@/components/shared/use-stored-item';
import './handoff.css';

/**
 * An outcome older than this is not news. Until then it is shown each time the popup opens
 * (the background may already have opened the popup once, or only marked the toolbar icon).
 */
const FRESH_MS = 2 * 60 * 1000;

const MESSAGE = { copied: 'insertOutcomeCopied', 'copy-failed': 'insertOutcomeCopyFailed', 'no-note': 'insertOutcomeNoNote' } as const;

/** What happened when the context menu or the shortcut could not insert the note. */
export function InsertOutcomeNotice() {
  const { t } = useI18n();
  const copy = useClipboard();
  const stored = useStoredItem(insertOutcomeItem, readInsertOutcome);
  const currentNote = useStoredItem(currentNoteItem, readCurrentNote);
  const [outcome, setOutcome] = useState<InsertOutcome | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!stored || Date.now() - stored.at > FRESH_MS) return;
    setOutcome(stored);
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      // Back to the shared badge (info sessions) on that tab.
      if (tab?.id !== undefined) await toolbarAction()?.setBadgeText({ tabId: tab.id, text: null });
    })().catch(() => undefined);
  }, [stored]);

  if (!outcome) return null;
  return (
    <div className="insert-outcome" role="alert">
      <p>{t(MESSAGE[outcome.kind])}</p>
      {outcome.kind === 'copy-failed' && !copied ? (
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const note = liveCurrentNote(currentNote, Date.now());
            if (note) setCopied(await copy(note.text));
          }}
        >
          {t('insertOutcomeCopy')}
        </button>
      ) : null}
    </div>
  );
}
