import { storage } from '#imports';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { summariseSync } from '@/components/sync/sync-summary';
import { createTranslator } from '@/utils/i18n/messages';
import { activeCatalogueFrom, chooseActiveCatalogue } from '@/utils/sync/active-catalogue';
import { INITIAL_SYNC_STATE, readStoredFeed, readSyncState, type SyncState } from '@/utils/sync/state';
import { browserSyncStore, feedCatalogueItem, readSyncSettings } from '@/utils/sync/storage';
import { bundledCatalogue } from './helpers';
import { feedCatalogue } from './sync-fixtures';

const stored = (revision: number, region?: string) => ({
  catalogue: feedCatalogue(revision, region ? { region } : {}),
  acceptedAt: '2026-11-22T08:14:00.000Z',
  etag: '"abc"',
  signerKey: 'MFkw-the-signing-key',
});

describe('sync storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('what version 1 writes is read as version 1 by a later version\'s migration', async () => {
    // No older version exists yet; this pins that today's values (stored without a version
    // mark, which WXT reads as v1) will reach a future `migrations[2]` intact.
    await browserSyncStore.writeState({ ...INITIAL_SYNC_STATE, outcome: 'notModified', bytes: 12 });
    const seen: unknown[] = [];
    const future = storage.defineItem<SyncState & { next: boolean }>('local:syncState', {
      fallback: { ...INITIAL_SYNC_STATE, next: true },
      version: 2,
      migrations: { 2: (v1: SyncState) => (seen.push(v1), { ...v1, next: true }) },
    });
    expect(await future.getValue()).toMatchObject({ outcome: 'notModified', bytes: 12, next: true });
    expect(seen).toHaveLength(1);
    expect(await future.getMeta()).toEqual({ v: 2 });
    expect((await browserSyncStore.readState()).bytes).toBe(12);
  });

  it('a tampered or broken stored value is never used: bundled catalogue, initial state, default settings', async () => {
    const broken = { ...stored(9), catalogue: { ...feedCatalogue(9), services: [{ id: 'x' }] } };
    await fakeBrowser.storage.local.set({ feedCatalogue: broken, syncState: { outcome: 'great' }, syncSettings: { feedUrl: 42, refreshIntervalHours: 3 } });
    expect(await browserSyncStore.readFeed()).toBeNull();
    expect(activeCatalogueFrom(bundledCatalogue(), await feedCatalogueItem.getValue()).source).toBe('bundled');
    expect(await browserSyncStore.readState()).toEqual(INITIAL_SYNC_STATE);
    expect(await readSyncSettings()).toEqual({ refreshIntervalHours: 3 });
    expect(readSyncState('garbage')).toEqual(INITIAL_SYNC_STATE);
    expect(readStoredFeed(null)).toBeNull();
  });

  it('the popup uses a stored feed only when newer than the bundled catalogue and of its region', () => {
    const bundled = bundledCatalogue();
    expect(chooseActiveCatalogue(bundled, readStoredFeed(stored(bundled.revision + 1))).source).toBe('feed');
    // An extension update that ships a newer catalogue wins over an older feed.
    expect(chooseActiveCatalogue({ ...bundled, revision: 50 }, readStoredFeed(stored(10))).source).toBe('bundled');
    expect(chooseActiveCatalogue(bundled, readStoredFeed(stored(10, 'hus'))).source).toBe('bundled');
  });
});

describe('what the popup footer says', () => {
  const t = createTranslator('fi');
  const bundled = bundledCatalogue();
  const active = chooseActiveCatalogue(bundled, readStoredFeed(stored(42)));
  const base: SyncState = { ...INITIAL_SYNC_STATE, lastAttemptAt: '2026-11-22T08:14:00.000Z', trigger: 'alarm' };

  it('the time of the last success in Helsinki, and the version', () => {
    const summary = summariseSync(t, 'fi', { ...base, outcome: 'notModified', lastSuccessAt: '2026-11-22T08:14:00.000Z' }, active);
    expect(summary).toEqual({ updated: 'Tiedot päivitetty 22.11.2026 klo 10.14 · versio 42', failure: null });
  });

  it('a failure in plain Finnish with the last success, or that there was none', () => {
    const failed = { ...base, outcome: 'failed' as const, reason: 'timeout' as const, lastSuccessAt: '2026-11-21T08:00:00.000Z' };
    expect(summariseSync(t, 'fi', failed, active).failure).toBe(
      'Luettelon päivitys epäonnistui: palvelin ei vastannut ajoissa. Aiemmat tiedot ovat yhä käytössä. Viimeksi onnistunut päivitys 21.11.2026 klo 10.00.',
    );
    expect(summariseSync(t, 'fi', { ...failed, lastSuccessAt: null }, active).failure).toContain('Päivitys ei ole vielä kertaakaan onnistunut.');
    expect(summariseSync(createTranslator('sv'), 'sv', failed, active).failure).toContain('servern svarade inte i tid');
  });

  it('nothing when no feed is configured or nothing was tried', () => {
    expect(summariseSync(t, 'fi', { ...base, outcome: 'failed', reason: 'notConfigured' }, active)).toEqual({ updated: null, failure: null });
    expect(summariseSync(t, 'fi', INITIAL_SYNC_STATE, active)).toEqual({ updated: null, failure: null });
  });
});
