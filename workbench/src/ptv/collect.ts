import type { PtvChannel, PtvOrganisation, PtvService } from './client/records';
import type { PtvSource } from './client/source';

/** One service with everything the mapper needs, fetched once however many municipalities list it. */
export interface CollectedService {
  service: PtvService;
  /** The requested municipalities whose list contained the service, in request order. */
  listedIn: string[];
  channels: PtvChannel[];
  organisations: Map<string, PtvOrganisation>;
}

/**
 * Reads the services of the given municipalities, each service once (a service of Vantaa and
 * Kerava comes in both lists), then their channels and organisations in `?guids=` batches.
 */
export async function collectMunicipalityServices(source: PtvSource, municipalityCodes: readonly string[]): Promise<CollectedService[]> {
  const byId = new Map<string, { service: PtvService; listedIn: string[] }>();
  for (const code of [...new Set(municipalityCodes)]) {
    for (const service of await source.listMunicipalityServices(code)) {
      const seen = byId.get(service.id);
      if (seen) {
        if (!seen.listedIn.includes(code)) seen.listedIn.push(code);
      } else {
        byId.set(service.id, { service, listedIn: [code] });
      }
    }
  }
  const services = [...byId.values()];
  const channelIds = services.flatMap(({ service }) => service.serviceChannels.map((link) => link.serviceChannel.id));
  const organisationIds = services.flatMap(({ service }) => service.organizations.flatMap((role) => (role.organization ? [role.organization.id] : [])));
  const channels = new Map((await source.getChannels(channelIds)).map((channel) => [channel.id, channel]));
  const organisations = new Map((await source.getOrganisations(organisationIds)).map((organisation) => [organisation.id, organisation]));
  return services.map(({ service, listedIn }) => ({
    service,
    listedIn,
    // In the service's own order; a channel PTV no longer returns is left out.
    channels: service.serviceChannels.flatMap((link) => channels.get(link.serviceChannel.id) ?? []),
    organisations,
  }));
}
