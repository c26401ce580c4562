import Fuse from 'fuse.js';
import type { Catalogue } from '@/utils/catalogue/schema';

/**
 * The baseline the issue asks for: plain fuse.js over full records (name, description,
 * keywords, organisation), as a first prototype would do it: no stemming, no index of our own.
 */
export interface FlatRecord {
  id: string;
  name: string;
  description: string;
  keywords: string[];
  organisation: string;
}

export function flatRecords(catalogue: Catalogue): FlatRecord[] {
  const organisationNames = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation.name]));
  return catalogue.services.map((service) => ({
    id: service.id,
    name: service.name,
    description: service.description,
    keywords: service.keywords,
    organisation: organisationNames.get(service.organisationId) ?? '',
  }));
}

export function createFuseBaseline(records: FlatRecord[]): Fuse<FlatRecord> {
  return new Fuse(records, {
    keys: ['name', 'description', 'keywords', 'organisation'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
}
