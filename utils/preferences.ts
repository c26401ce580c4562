import * as z from 'zod/mini';
import { UI_LANGUAGES } from './i18n/language';

/**
 * The nurse's preferences: her city filter and languages. Never a query, a patient detail
 * or anything typed into the search box. Stored under `preferencesItem` (utils/storage.ts).
 */
export const DEFAULT_PREFERENCES = { city: 'all', noteLanguage: 'fi', uiLanguage: 'auto' } as const;

/** Storage is a trust boundary too: a malformed field falls back to its default, alone. */
const preferencesSchema = z.catch(
  z.object({
    city: z.catch(z.enum(['all', 'vantaa', 'kerava']), DEFAULT_PREFERENCES.city),
    noteLanguage: z.catch(z.enum(UI_LANGUAGES), DEFAULT_PREFERENCES.noteLanguage),
    uiLanguage: z.catch(z.enum([...UI_LANGUAGES, 'auto']), DEFAULT_PREFERENCES.uiLanguage),
  }),
  { ...DEFAULT_PREFERENCES },
);
export type Preferences = z.infer<typeof preferencesSchema>;

export function readPreferences(stored: unknown): Preferences {
  return preferencesSchema.parse(stored);
}
