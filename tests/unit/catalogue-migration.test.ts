import { storage } from '#imports';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStoragePackedFeedStore, legacyFeedStore } from '@/utils/catalogue/feed-store';
import { openChosen } from '@/utils/catalogue/open';
import { catalogueSchema, catalogueV2Schema, type Organisation, type Service } from '@/utils/catalogue/schema';
import { V1_VERIFIER } from '@/utils/catalogue/upgrade-v1';
import { parseCatalogue } from '@/utils/catalogue/load';
import { feedPointerItem, legacyFeedItem } from '@/utils/storage';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { migrateLegacyFeed } from '@/utils/sync/migrate-legacy-feed';
import { readJson } from './helpers';

/** A real stored value of version 1 (tests/unit/fixtures/stored-feed-v1.json). */
const V1_STORED = (readJson('tests/unit/fixtures/stored-feed-v1.json') as { value: { catalogue: { schemaVersion: number; services: unknown[] } } }).value;

const migrate = () => migrateLegacyFeed({ legacy: legacyFeedStore, store: createStoragePackedFeedStore(), pack: packWithBundledSynonyms });

/** The migrated feed as the popup opens it (packed, from storage), every record loaded. */
async function openMigratedFeed(): Promise<{ services: Service[]; organisations: Organisation[]; etag: string | null; hasLexicon: boolean }> {
  const feed = await createStoragePackedFeedStore().read();
  if (!feed) throw new Error('no packed feed was stored');
  const state = await openChosen({ source: 'feed', header: feed.header, acceptedAt: feed.acceptedAt, feed });
  if (state.status !== 'ready') throw new Error(state.problems.join('; '));
  const positions = Array.from({ length: state.index.serviceCount }, (_, at) => at);
  await state.index.records.load(positions);
  const records = positions.map((at) => state.index.records.get(at)!);
  const organisations = [...new Map(records.map(({ organisation }) => [organisation.id, organisation])).values()];
  return { services: records.map(({ service }) => service), organisations, etag: feed.etag, hasLexicon: state.index.lexicon !== undefined };
}

describe('schemaVersion 1 → 2', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the stored v1 feed is migrated by WXT on first read, then packed in the background, nothing lost', async () => {
    // Version 1 wrote the value with no version mark (WXT reads that as v1).
    await fakeBrowser.storage.local.set({ feedCatalogue: structuredClone(V1_STORED) });
    // WXT runs an item's migrations when the extension starts (defineItem); here, by hand.
    await legacyFeedItem.migrate();
    const raw = (await legacyFeedItem.getValue()) as { catalogue: { schemaVersion: number } };
    expect(raw.catalogue.schemaVersion).toBe(2);
    expect(await legacyFeedItem.getMeta()).toEqual({ v: 3 });
    expect(catalogueV2Schema.safeParse(raw.catalogue).success).toBe(true);
    // The background packs it once (utils/sync/migrate-legacy-feed.ts) and removes the old value.
    expect(await migrate()).toBe('packed');
    expect(await legacyFeedItem.getValue()).toBeNull();
    const catalogue = await openMigratedFeed();
    expect(catalogue.services).toHaveLength(V1_STORED.catalogue.services.length);
    // Packed with the bundled lexicon, as a fresh sync packs: it searches as the bundled catalogue does.
    expect(catalogue.hasLexicon).toBe(true);
    // v2 (signerKey) forgets the ETag so the next sync fetches and records the signer.
    expect(catalogue.etag).toBeNull();
    // Printed hours on the organisation's phones are kept word for word, claiming nothing.
    const mieli = catalogue.organisations.find((organisation) => organisation.id === 'mieli-ry')!;
    expect(mieli.phones[0]!.hours).toEqual({ kind: 'text', rules: [], holidays: 'closed', exceptions: [], text: 'ympäri vuorokauden' });
    const v1Phones = (V1_STORED.catalogue as unknown as { organisations: Array<{ id: string; phones: Array<{ hours?: string }> }> }).organisations.find((o) => o.id === 'mieli-ry')!.phones;
    mieli.phones.forEach((phone, index) => {
      const printed = v1Phones[index]!.hours;
      expect(phone.hours?.text).toBe(printed);
    });
    // v1 verifiedAt meant "a person confirmed the contacts": it stays, saying so.
    const turvakoti = catalogue.services.find((service) => service.organisationId === 'vantaan-turvakoti')!;
    expect(turvakoti).toMatchObject({ verifiedAt: '2026-11-30', verifiedBy: V1_VERIFIER, status: 'active' });
    expect(turvakoti.verifiedFields).toEqual(['phones', 'email', 'website', 'addresses']);
  });

  it('a second read does not migrate again', async () => {
    await fakeBrowser.storage.local.set({ feedCatalogue: structuredClone(V1_STORED) });
    await legacyFeedItem.migrate();
    const first = await legacyFeedItem.getValue();
    await legacyFeedItem.migrate();
    const second = await legacyFeedItem.getValue();
    expect(second).toEqual(first);
  });

  it('accepts a schemaVersion 1 feed and reads it as 2', async () => {
    const parsed = catalogueSchema.parse(structuredClone(V1_STORED.catalogue));
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.services.every((service) => Array.isArray(service.phones) && Array.isArray(service.addresses))).toBe(true);
  });

  it('a v1 value the migration cannot make sense of is refused on read, not used', async () => {
    await fakeBrowser.storage.local.set({ feedCatalogue: { catalogue: { schemaVersion: 1, services: 'nonsense' }, acceptedAt: 'x', etag: null } });
    await legacyFeedItem.migrate();
    expect(await migrate()).toBe('invalid');
    expect(await feedPointerItem.getValue()).toBeNull();
    // Unrelated items are untouched by the migration.
    const other = storage.defineItem<number>('local:unrelated', { fallback: 1 });
    expect(await other.getValue()).toBe(1);
  });

  it('a v1 feed is accepted where feeds are accepted (parseCatalogue, used by acceptFeed) and comes out as v2', () => {
    const result = parseCatalogue(structuredClone(V1_STORED.catalogue));
    expect(result.success && result.catalogue.schemaVersion).toBe(2);
  });
});
