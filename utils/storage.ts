import { storage } from '#imports';
import * as z from 'zod/mini';
import { UI_LANGUAGES } from './i18n/messages';
import { NOTE_LANGUAGES } from './referral/templates';

/**
 * Every stored item of the extension, in one place. Only the nurse's preferences are kept:
 * never a query, a patient detail or anything typed into the search box.
 */
export const DEFAULT_PREFERENCES = { city: 'all', noteLanguage: 'fi', uiLanguage: 'auto' } as const;

/** Storage is a trust boundary too: a malformed field falls back to its default, alone. */
export const preferencesSchema = z.catch(
  z.object({
    city: z.catch(z.enum(['all', 'vantaa', 'kerava']), DEFAULT_PREFERENCES.city),
    noteLanguage: z.catch(z.enum(NOTE_LANGUAGES), DEFAULT_PREFERENCES.noteLanguage),
    uiLanguage: z.catch(z.enum([...UI_LANGUAGES, 'auto']), DEFAULT_PREFERENCES.uiLanguage),
  }),
  { ...DEFAULT_PREFERENCES },
);
export type Preferences = z.infer<typeof preferencesSchema>;

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: { ...DEFAULT_PREFERENCES },
  version: 1,
  // v1 is the first shape; a later one adds its step here (WXT runs them only when `migrations` is set).
  migrations: {},
});

export function readPreferences(stored: unknown): Preferences {
  return preferencesSchema.parse(stored);
}
