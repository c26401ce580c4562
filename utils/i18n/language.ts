/**
 * The one language type of the extension's own text: the UI, the referral note and dates are
 * all in Finnish, Swedish or English. (A service's languages, any ISO 639-1 code it is offered
 * in, are a catalogue fact: `Language` in utils/catalogue/schema.ts.)
 */
export const UI_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Anything with a Finnish `name` and optional Swedish/English `names`. */
export interface LocalisedNames {
  name: string;
  names: { sv?: string | undefined; en?: string | undefined };
}

/** The one localised-name helper: the name in `language`, else the Finnish one. */
export function localisedName(record: LocalisedNames, language: UiLanguage): string {
  return (language !== 'fi' && record.names[language]) || record.name;
}
