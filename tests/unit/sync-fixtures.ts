import type { Catalogue, Service } from '@/utils/catalogue/schema';
import { signBytes, type SigningKeyPair } from '@/utils/sync/signature';
import { bundledCatalogue } from './helpers';

/** A service that the bundled catalogue does not have: found only after a sync. */
export const NEW_SERVICE_NAME = 'Koskikaran kalastusterapia';
export const NEW_SERVICE_QUERY = 'kalastusterapia';

/** The bundled catalogue at another revision (and region), optionally with the new service. */
export function feedCatalogue(revision: number, options: { region?: string; withNewService?: boolean } = {}): Catalogue {
  const base = structuredClone(bundledCatalogue());
  const template = base.services[0]!;
  const extra: Service = {
    ...template,
    id: 'koskikara-kalastusterapia',
    name: NEW_SERVICE_NAME,
    names: {},
    description: 'Kalastusterapiaa ja luontoretkiä mielenterveyskuntoutujille Vantaalla.',
    keywords: ['kalastus', 'kalastusterapia', 'luontoretki'],
  };
  return {
    ...base,
    revision,
    region: options.region ?? base.region,
    publishedAt: '2026-11-22T08:14:00Z',
    services: options.withNewService === false ? base.services : [...base.services, extra],
  };
}

export function encode(catalogue: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(catalogue));
}

export async function signedPublication(body: Uint8Array<ArrayBuffer>, key: SigningKeyPair) {
  return { body, signature: JSON.stringify(await signBytes(body, key)) };
}
