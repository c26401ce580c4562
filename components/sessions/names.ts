import type { Organisation, Site } from '@/utils/catalogue/schema';
import type { UiLanguage } from '@/utils/i18n/messages';

export function siteName(site: Site | undefined, language: UiLanguage): string {
  if (!site) return '';
  return (language !== 'fi' && site.names[language]) || site.name;
}

/** The short name the NGO goes by ("MIELI ry", "POLLI"): the buttons are small. */
export function organisationShortName(organisation: Organisation, language: UiLanguage): string {
  return organisation.shortName ?? ((language !== 'fi' && organisation.names[language]) || organisation.name);
}

export function organisationFullName(organisation: Organisation, language: UiLanguage): string {
  return (language !== 'fi' && organisation.names[language]) || organisation.name;
}
