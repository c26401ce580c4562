import type { Catalogue, InfoSession } from '@/utils/catalogue/schema';
import { bundledCatalogue } from './helpers';

/** A session at a bundled site, written the way the importer writes them (Helsinki offset). */
export function session(id: string, siteId: string, start: string, end: string, extra: Partial<InfoSession> = {}): InfoSession {
  return {
    id,
    siteId,
    start,
    end,
    organisationIds: ['mieli-ry', 'polli-paakaupunkiseudun-omaishoitajat'],
    experienceExpert: true,
    audience: 'residents',
    cancelled: false,
    ...extra,
  };
}

/** The bundled catalogue (real sites and organisations) with the given sessions. */
export function catalogueWith(...infoSessions: InfoSession[]): Catalogue {
  return { ...bundledCatalogue(), infoSessions };
}
