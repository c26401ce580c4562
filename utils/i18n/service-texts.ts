import type { OpeningHours, Phone, Service } from '../catalogue/schema';
import type { UiLanguage } from './language';

/**
 * A catalogue text as it is shown in the chosen language: its own version when the catalogue
 * has one, else the Finnish text, and then `inFinnish` so that the card, the note and the
 * printout can say so ("(på finska)") instead of passing Finnish off as Swedish. Texts are never
 * machine-translated: a missing translation is a gap in the data, shown as one.
 */
export interface ShownText {
  text: string;
  inFinnish: boolean;
}

type Translations = { sv?: string | undefined; en?: string | undefined } | undefined;

function shownText(finnish: string, translations: Translations, language: UiLanguage): ShownText {
  if (language === 'fi') return { text: finnish, inFinnish: false };
  const translated = translations?.[language];
  return translated ? { text: translated, inFinnish: false } : { text: finnish, inFinnish: true };
}

export function serviceNameIn(service: Pick<Service, 'name' | 'names'>, language: UiLanguage): ShownText {
  return shownText(service.name, service.names, language);
}

export function descriptionIn(service: Pick<Service, 'description' | 'descriptions'>, language: UiLanguage): ShownText {
  return shownText(service.description, service.descriptions, language);
}

/** A phone line's label ("Kriisipuhelin ruotsiksi"), or null when the line has none. */
export function phoneLabelIn(phone: Pick<Phone, 'label' | 'labels'>, language: UiLanguage): ShownText | null {
  return phone.label ? shownText(phone.label, phone.labels, language) : null;
}

/**
 * Whether hours shown in `language` are the source's Finnish words: only hours the structure
 * could not read (`kind: 'text'`) are words; weekly rules, 24/7 and "by appointment" are
 * written by the extension in every language (utils/hours/format.ts).
 */
export function hoursInFinnish(hours: OpeningHours, language: UiLanguage): boolean {
  return language !== 'fi' && hours.kind === 'text' && !hours.texts?.[language];
}

/** The compact marker after a Finnish text in a Swedish or English context. */
export const IN_FINNISH: Record<UiLanguage, string> = { fi: 'suomeksi', sv: 'på finska', en: 'in Finnish' };
