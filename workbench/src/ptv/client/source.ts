import type { PtvChannel, PtvOrganisation, PtvService } from './records';

/**
 * Where PTV records come from. The importer talks only to this; the v11 adapter (v11.ts)
 * implements it over HTTP. A v12 adapter (API key header, `languageVersions`) implements the
 * same four methods and converts its answers into the records of records.ts.
 */
export interface PtvSource {
  /** Every published service of one municipality (code "092"), every page to the last. */
  listMunicipalityServices(municipalityCode: string): Promise<PtvService[]>;
  /** Full records by id; an unknown id is simply missing from the answer. */
  getServices(ids: readonly string[]): Promise<PtvService[]>;
  getChannels(ids: readonly string[]): Promise<PtvChannel[]>;
  getOrganisations(ids: readonly string[]): Promise<PtvOrganisation[]>;
}

/** A PTV answer the importer cannot use: a status after the retries, or a body that is not a PTV record. */
export class PtvSourceError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PtvSourceError';
  }
}
