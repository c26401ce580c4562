import { browser } from '#imports';
import { useEffect, useState } from 'react';
import { liveCurrentNote } from '@/utils/handoff/current-note';
import { currentNoteItem, insertOutcomeItem, type InsertOutcome } from '@/utils/handoff/storage-items';
import { toolbarAction } from '@/utils/handoff/toolbar-action';
import { useClipboard } from '../hooks/use-clipboard';
import { useI18n } from '../hooks/use-i18n';
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
  const [outcome, setOutcome] = useState<InsertOutcome | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    void insertOutcomeItem.getValue().then(async (stored) => {
      if (!stored || Date.now() - stored.at > FRESH_MS) return;
      setOutcome(stored);
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      // Back to the shared badge (info sessions) on that tab.
      if (tab?.id !== undefined) await toolbarAction()?.setBadgeText({ tabId: tab.id, text: null });
    }).catch(() => undefined);
  }, []);

  if (!outcome) return null;
  return (
    <div className="insert-outcome" role="alert">
      <p>{t(MESSAGE[outcome.kind])}</p>
      {outcome.kind === 'copy-failed' && !copied ? (
        <button
          type="button"
          className="primary"
          onClick={async () => {
            const note = liveCurrentNote(await currentNoteItem.getValue(), Date.now());
            if (note) setCopied(await copy(note.text));
          }}
        >
          {t('insertOutcomeCopy')}
        </button>
      ) : null}
    </div>
  );
}
