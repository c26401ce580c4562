import { useCallback } from 'react';
import { readPreferences, type Preferences } from '@/utils/preferences';
import { preferencesItem } from '@/utils/storage';
import { useStoredItem } from './use-stored-item';

/** The last value this page wrote, so that two quick changes never undo each other. */
let written: Preferences | null = null;

/** The nurse's saved preferences, live; `null` until storage has answered. */
export function usePreferences(): [Preferences | null, (change: Partial<Preferences>) => void] {
  const preferences = useStoredItem(preferencesItem, readPreferences);
  const update = useCallback(
    (change: Partial<Preferences>) => {
      written = readPreferences({ ...(written ?? preferences ?? {}), ...change });
      void preferencesItem.setValue(written);
    },
    [preferences],
  );
  return [preferences, update];
}
