import { useCallback, useEffect, useState } from 'react';
import { preferencesItem, readPreferences, type Preferences } from '@/utils/storage';

/** The nurse's saved preferences, live; `null` until storage has answered. */
export function usePreferences(): [Preferences | null, (change: Partial<Preferences>) => void] {
  const [preferences, setPreferences] = useState<Preferences | null>(null);

  useEffect(() => {
    let active = true;
    preferencesItem.getValue().then(
      (stored) => active && setPreferences(readPreferences(stored)),
      () => active && setPreferences(readPreferences(undefined)),
    );
    const unwatch = preferencesItem.watch((stored) => setPreferences(readPreferences(stored)));
    return () => {
      active = false;
      unwatch();
    };
  }, []);

  const update = useCallback((change: Partial<Preferences>) => {
    setPreferences((current) => {
      const next = readPreferences({ ...(current ?? {}), ...change });
      void preferencesItem.setValue(next);
      return next;
    });
  }, []);

  return [preferences, update];
}
