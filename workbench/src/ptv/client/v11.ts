import { z } from 'zod';
import { getJson, type HttpOptions } from './http';
import { ptvChannelSchema, ptvOrganisationSchema, ptvServicePageSchema, ptvServiceSchema } from './records';
import { PtvSourceError, type PtvSource } from './source';

export const PTV_V11_DEFAULT_BASE = 'https://api.palvelutietovaranto.suomi.fi/api/v11';
/** `?guids=` takes at most 100 ids (v11 OpenAPI: "Max 100 can be added into list"). */
const GUIDS_PER_REQUEST = 100;
/** A runaway pageCount must not loop for ever. */
const MAX_PAGES = 1000;

export interface PtvV11Options extends HttpOptions {
  /** e.g. https://api.palvelutietovaranto.suomi.fi/api/v11 (no trailing slash needed). */
  baseUrl?: string;
}

/**
 * PTV Open API v11. Only `list/area`, `list/organization` and `…/list?guids=` answer with full
 * records (the other list endpoints give ids and names only), so these are the ones used. The
 * page size is the server's to choose: pages are read until `pageCount`.
 */
export function createPtvV11Source(options: PtvV11Options = {}): PtvSource {
  const base = (options.baseUrl ?? PTV_V11_DEFAULT_BASE).replace(/\/+$/, '');

  async function read<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    const url = `${base}${path}`;
    const parsed = schema.safeParse(await getJson(url, options));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PtvSourceError(`PTV answer is not the expected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, url);
    }
    return parsed.data;
  }

  async function byGuids<T extends z.ZodType>(path: string, ids: readonly string[], item: T): Promise<Array<z.infer<T>>> {
    const unique = [...new Set(ids)];
    const records: Array<z.infer<T>> = [];
    for (let start = 0; start < unique.length; start += GUIDS_PER_REQUEST) {
      const guids = unique.slice(start, start + GUIDS_PER_REQUEST).map(encodeURIComponent).join(',');
      const answer = await read(`${path}?guids=${guids}`, z.array(item).nullable());
      records.push(...(answer ?? []));
    }
    return records;
  }

  return {
    async listMunicipalityServices(municipalityCode) {
      if (!/^[0-9]{3}$/.test(municipalityCode)) throw new Error(`municipality code "${municipalityCode}" is not three digits`);
      const services = [];
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const answer = await read(`/Service/list/area/Municipality/code/${municipalityCode}?page=${page}`, ptvServicePageSchema);
        services.push(...answer.itemList);
        if (page >= answer.pageCount) break;
      }
      return services;
    },
    getServices: (ids) => byGuids('/Service/list', ids, ptvServiceSchema),
    getChannels: (ids) => byGuids('/ServiceChannel/list', ids, ptvChannelSchema),
    getOrganisations: (ids) => byGuids('/Organization/list', ids, ptvOrganisationSchema),
  };
}
