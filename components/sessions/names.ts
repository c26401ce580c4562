import type { Organisation, Site } from '@/utils/catalogue/schema';
import { type UiLanguage } from '@/utils/i18n/language';
import { localisedName } from '@/utils/i18n/language';

export function siteName(site: Site | undefined, language: UiLanguage): string {
  if (!site) return '';
  return localisedName(site, language);
}

/** The short name the NGO goes by ("MIELI ry", "POLLI"): the buttons are small. */
export function organisationShortName(organisation: Organisation, language: UiLanguage): string {
  return organisation.shortName ?? localisedName(organisation, language);
}

export function organisationFullName(organisation: Organisation, language: UiLanguage): string {
  return localisedName(organisation, language);
}
