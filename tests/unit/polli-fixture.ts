/**
 * Test data: Pääkaupunkiseudun Omaishoitajat (Polli) of the bundled catalogue with a web page and
 * a switchboard of its own, so that a service of it can borrow the organisation's contacts; and
 * the fields of an exported HSDS service that the contact tests read.
 */
import type { Organisation } from '@/utils/catalogue/schema';
import { bundledCatalogue } from './helpers';

export const catalogue = bundledCatalogue();
const POLLI = 'polli-paakaupunkiseudun-omaishoitajat';
/** Polli's first service in the bundled catalogue, as it is there. */
export const baseService = catalogue.services.find((service) => service.organisationId === POLLI)!;
/** Polli with a web page and a switchboard (label in Finnish only); `extra` adds or replaces fields. */
export const polli = (extra: Partial<Organisation> = {}): Organisation => ({
  ...catalogue.organisations.find((candidate) => candidate.id === POLLI)!,
  website: 'https://www.polli.fi',
  phones: [{ number: '+358401234567', display: '040 123 4567', label: 'Toimisto' }],
  ...extra,
});

/**
 * The fields of one exported HSDS service the tests read. A type alias, not an interface, so that
 * exportHsds's plain JSON objects (Record<string, unknown>) can be read as it.
 */
export type ExportedService = {
  email?: string;
  url?: string;
  organization: { website?: string };
  x_translations?: Record<string, { description?: string }>;
  x_jarjestoopas: { contactsFromOrganisation?: string[] };
};
