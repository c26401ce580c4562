/** The bundled catalogue, read as plain JSON so specs can assert on real records. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CatalogueService {
  id: string;
  organisationId: string;
  name: string;
  areas: string[];
  phones?: Array<{ number: string; display: string }>;
}
interface CatalogueOrganisation {
  id: string;
  name: string;
  website?: string;
  email?: string;
  phones?: Array<{ number: string; display: string }>;
}
interface Catalogue {
  organisations: CatalogueOrganisation[];
  services: CatalogueService[];
}

export const catalogue = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../data/catalogue.json'), 'utf8'),
) as Catalogue;

export function organisation(id: string): CatalogueOrganisation {
  const found = catalogue.organisations.find((org) => org.id === id);
  if (!found) throw new Error(`No organisation ${id} in data/catalogue.json`);
  return found;
}

/** Areas that count as serving every city (mirrors utils/search/filters.ts). */
const SERVES_EVERY_CITY = ['uusimaa', 'suomi'];

/** Whether some service shown under this name serves the city. */
export function serviceNameServes(serviceName: string, city: string): boolean {
  return catalogue.services
    .filter((service) => service.name === serviceName)
    .some((service) => service.areas.some((area) => area === city || SERVES_EVERY_CITY.includes(area)));
}
