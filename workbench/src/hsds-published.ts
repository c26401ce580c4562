/**
 * The published catalogue as HSDS 3.0 services, for the HSDS API (routes/hsds.ts). Only what the
 * feed serves: the newest row of feed_revisions, never the records being edited (drafts). The
 * conversion (utils/catalogue/hsds.ts) runs once per revision; requests in between ask the
 * database only for the newest revision's ETag.
 */
import { exportHsds } from '@jarjestoopas/utils/catalogue/hsds';
import type { HsdsJson } from '@jarjestoopas/utils/catalogue/hsds-api';
import { parseCatalogue } from '@jarjestoopas/utils/catalogue/load';
import type { Queryable } from './db/db';
import * as store from './store';

export interface PublishedHsds {
  revision: number;
  publishedAt: Date;
  /** The feed revision's ETag: each HSDS answer's ETag is derived from it. */
  etag: string;
  services: HsdsJson[];
  byId: Map<string, HsdsJson>;
}

export function publishedHsdsSource(db: Queryable): () => Promise<PublishedHsds | undefined> {
  let cached: PublishedHsds | undefined;
  return async () => {
    const tag = await store.latestFeedTag(db);
    if (!tag) return undefined;
    if (cached?.etag === tag.etag) return cached;
    const feed = await store.feedRevision(db, tag.revision);
    if (!feed) return undefined;
    // Published catalogues were validated when they were published; parsing again gives the
    // typed (and, for an old schemaVersion 1 revision, upgraded) catalogue exportHsds takes.
    const parsed = parseCatalogue(JSON.parse(feed.catalogue));
    if (!parsed.success) throw new Error(`published revision ${feed.revision} does not parse as a catalogue`);
    const services = exportHsds(parsed.catalogue);
    cached = { revision: feed.revision, publishedAt: feed.publishedAt, etag: feed.etag, services, byId: new Map(services.map((service) => [String(service.id), service])) };
    return cached;
  };
}
