import { useCallback, useEffect, useRef, useState } from 'react';
import type { Organisation, Service } from '@/utils/catalogue/schema';
import { formatCombinedNote } from '@/utils/handoff/combined-note';
import { addPick, EMPTY_PICK_LIST, livePickList, movePick, removePick, type PickList } from '@/utils/handoff/pick-list';
import { currentNoteItem, pickListItem } from '@/utils/handoff/storage-items';
import type { UiLanguage } from '@/utils/i18n/messages';
import type { NoteLanguage } from '@/utils/referral/templates';

export interface PickListControls {
  list: PickList;
  add: (entry: { service: Service; organisation: Organisation }) => void;
  remove: (serviceId: string) => void;
  move: (serviceId: string, delta: number) => void;
  clear: () => void;
  /** The combined note of the list as it stands, in the note language. */
  note: () => string;
}

export function serviceNameIn(service: Service, language: UiLanguage | NoteLanguage): string {
  return (language !== 'fi' && service.names[language]) || service.name;
}

export function organisationNameIn(organisation: Organisation, language: UiLanguage | NoteLanguage): string {
  return (language !== 'fi' && organisation.names[language]) || organisation.name;
}

/** "Omaishoitajien vertaisryhmät + 2": what the context menu item names. */
export function noteLabel(list: PickList, language: NoteLanguage): string {
  const [first, ...rest] = list.entries;
  if (!first) return '';
  const name = serviceNameIn(first.service, language);
  return rest.length > 0 ? `${name} + ${rest.length}` : name;
}

/**
 * The visit's pick list (session storage, forgotten two hours after the first pick) and the
 * current note that the context menu and the keyboard command insert: its combined note.
 */
export function usePickList(noteLanguage: NoteLanguage): PickListControls {
  const [list, setList] = useState<PickList>(EMPTY_PICK_LIST);
  const languageRef = useRef(noteLanguage);
  languageRef.current = noteLanguage;

  useEffect(() => {
    let active = true;
    pickListItem.getValue().then((stored) => active && setList(livePickList(stored, Date.now())), () => undefined);
    const unwatch = pickListItem.watch((stored) => setList(livePickList(stored, Date.now())));
    return () => {
      active = false;
      unwatch();
    };
  }, []);

  const save = useCallback((change: (current: PickList) => PickList) => {
    setList((current) => {
      const next = change(current);
      if (next === current) return current;
      void pickListItem.setValue(next);
      const language = languageRef.current;
      void currentNoteItem.setValue(
        next.entries.length > 0 ? { text: formatCombinedNote(next.entries, new Date(), language), label: noteLabel(next, language), savedAt: Date.now() } : null,
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
    note: useCallback(() => formatCombinedNote(list.entries, new Date(), languageRef.current), [list]),
  };
}
