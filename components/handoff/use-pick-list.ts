import { useCallback, useEffect, useRef, useState } from 'react';
import type { Organisation, Service } from '@/utils/catalogue/schema';
import { wallClock } from '@/utils/clock';
import { formatCombinedNote } from '@/utils/handoff/combined-note';
import { addPick, EMPTY_PICK_LIST, movePick, readPickList, removePick, type PickList } from '@/utils/handoff/pick-list';
import { localisedName, type UiLanguage } from '@/utils/i18n/language';
import { currentNoteItem, pickListItem } from '@/utils/storage';
import { useStoredItem } from '../shared/use-stored-item';

export interface PickListControls {
  list: PickList;
  add: (entry: { service: Service; organisation: Organisation }) => void;
  remove: (serviceId: string) => void;
  move: (serviceId: string, delta: number) => void;
  clear: () => void;
  /** The combined note of the list as it stands, in the note language. */
  note: () => string;
}

/** "Omaishoitajien vertaisryhmät + 2": what the context menu item names. */
function noteLabel(list: PickList, language: UiLanguage): string {
  const [first, ...rest] = list.entries;
  if (!first) return '';
  const name = localisedName(first.service, language);
  return rest.length > 0 ? `${name} + ${rest.length}` : name;
}

/**
 * The visit's pick list (session storage, forgotten two hours after the first pick) and the
 * current note that the context menu and the keyboard command insert: its combined note.
 */
export function usePickList(noteLanguage: UiLanguage): PickListControls {
  const stored = useStoredItem(pickListItem, readPickList);
  // Her changes show at once; what storage says (another page's change, or ours coming back) follows.
  const [list, setList] = useState<PickList>(EMPTY_PICK_LIST);
  const languageRef = useRef(noteLanguage);
  languageRef.current = noteLanguage;

  useEffect(() => {
    if (stored) setList(stored);
  }, [stored]);

  const save = useCallback((change: (current: PickList) => PickList) => {
    setList((current) => {
      const next = change(current);
      if (next === current) return current;
      void pickListItem.setValue(next);
      const language = languageRef.current;
      void currentNoteItem.setValue(
        next.entries.length > 0 ? { text: formatCombinedNote(next.entries, wallClock(), language), label: noteLabel(next, language), savedAt: Date.now() } : null,
      );
      return next;
    });
  }, []);

  return {
    list,
    add: useCallback((entry) => save((current) => addPick(current, entry, Date.now())), [save]),
    remove: useCallback((serviceId) => save((current) => removePick(current, serviceId)), [save]),
    move: useCallback((serviceId, delta) => save((current) => movePick(current, serviceId, delta)), [save]),
    clear: useCallback(() => save(() => EMPTY_PICK_LIST), [save]),
    note: useCallback(() => formatCombinedNote(list.entries, wallClock(), languageRef.current), [list]),
  };
}
