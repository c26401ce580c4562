/** PTV review values as a maintainer reads them: phones, addresses and hours in words, not JSON. */
import type { Address, OpeningHours, Phone } from '@jarjestoopas/utils/catalogue/schema';
import { formatHours } from '@jarjestoopas/utils/hours/format';
import type { UiLanguage } from '@jarjestoopas/utils/i18n/language';

const FIELD_LABELS: Record<UiLanguage, Record<string, string>> = {
  fi: {
    name: 'Nimi', 'names.sv': 'Nimi ruotsiksi', 'names.en': 'Nimi englanniksi', description: 'Kuvaus', 'descriptions.sv': 'Kuvaus ruotsiksi',
    'descriptions.en': 'Kuvaus englanniksi', phones: 'Puhelinnumerot', email: 'Sähköposti', website: 'Verkkosivu', addresses: 'Osoitteet',
    hours: 'Aukioloajat', languages: 'Kielet', channels: 'Asiointitavat', cost: 'Maksullisuus', areas: 'Alueet', audiences: 'Kohderyhmät (luettelo)',
    targetGroups: 'Kohderyhmät', categories: 'Luokat',
  },
  sv: {
    name: 'Namn', 'names.sv': 'Namn på svenska', 'names.en': 'Namn på engelska', description: 'Beskrivning', 'descriptions.sv': 'Beskrivning på svenska',
    'descriptions.en': 'Beskrivning på engelska', phones: 'Telefonnummer', email: 'E-post', website: 'Webbplats', addresses: 'Adresser',
    hours: 'Öppettider', languages: 'Språk', channels: 'Kontaktsätt', cost: 'Avgift', areas: 'Områden', audiences: 'Målgrupper (lista)',
    targetGroups: 'Målgrupper', categories: 'Kategorier',
  },
  en: {
    name: 'Name', 'names.sv': 'Name in Swedish', 'names.en': 'Name in English', description: 'Description', 'descriptions.sv': 'Description in Swedish',
    'descriptions.en': 'Description in English', phones: 'Phone numbers', email: 'E-mail', website: 'Web page', addresses: 'Addresses',
    hours: 'Opening hours', languages: 'Languages', channels: 'Channels', cost: 'Cost', areas: 'Areas', audiences: 'Audiences (list)',
    targetGroups: 'Target groups', categories: 'Categories',
  },
};

export const fieldLabel = (language: UiLanguage, field: string) => FIELD_LABELS[language][field] ?? field;

const phoneLine = (phone: Phone) => (phone.label ? `${phone.display} (${phone.label})` : phone.display);
const addressLine = (address: Address) => [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** One value as lines of text; an empty list for "nothing". */
export function valueLines(field: string, value: unknown, language: UiLanguage): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (field === 'phones') return (value as Phone[]).map(phoneLine);
  if (field === 'addresses') return (value as Address[]).map(addressLine);
  if (field === 'hours') {
    try {
      return [formatHours(value as OpeningHours, language)];
    } catch {
      return [JSON.stringify(value)];
    }
  }
  if (Array.isArray(value)) return [value.map(String).join(', ')];
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}
