/**
 * The options page saves only what the nurse changed (issue 12, item 7): a build default shown
 * in the form stays a default, so that a release that rotates the feed key is followed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePolicy } from '@/utils/policy/schema';
import { resolveSyncConfig, type SyncDefaults } from '@/utils/sync/config';
import { formFromConfig, settingsToSave, syncSettingsV2, withDefault } from '@/utils/sync/settings-form';
import { syncSettingsItem } from '@/utils/sync/storage';

const release1: SyncDefaults = { feedUrl: 'https://tiedot.vakehyva.fi/catalogue.json', trustedPublicKeys: ['OLD'], refreshIntervalHours: 6 };
/** The next release rotates the key (old and new trusted together, as the README says). */
const release2: SyncDefaults = { ...release1, trustedPublicKeys: ['NEW', 'OLD'] };
const noPolicy = () => false;

describe('saving the feed settings', () => {
  it('saving the form unchanged stores nothing, so the next release\'s defaults apply', () => {
    const config = resolveSyncConfig({}, {}, release1);
    const shown = formFromConfig(config);
    const saved = settingsToSave(shown, shown, {}, noPolicy);
    expect(saved).toEqual({});
    expect(resolveSyncConfig({}, saved, release2).trustedPublicKeys).toEqual(['NEW', 'OLD']);
  });

  it('stores only the field she changed, and keeps her earlier choices', () => {
    const config = resolveSyncConfig({}, { refreshIntervalHours: 12 }, release1);
    const shown = formFromConfig(config);
    expect(settingsToSave({ ...shown, feedUrl: 'https://muu.example/c.json' }, shown, { refreshIntervalHours: 12 }, noPolicy)).toEqual({
      feedUrl: 'https://muu.example/c.json',
      refreshIntervalHours: 12,
    });
  });

  it('an emptied field goes back to its default; a policy field is never saved from the form', () => {
    const { policy } = parsePolicy({ feedUrl: 'https://policy.example/c.json' });
    const config = resolveSyncConfig(policy, { trustedPublicKeys: ['MINE'] }, release1);
    const shown = formFromConfig(config);
    const saved = settingsToSave({ ...shown, keys: '  ' }, shown, { trustedPublicKeys: ['MINE'] }, (field) => config.sources[field] === 'policy');
    expect(saved).toEqual({});
  });

  it('"use default" forgets one field only', () => {
    expect(withDefault({ feedUrl: 'https://a.example/c.json', refreshIntervalHours: 3 }, 'feedUrl')).toEqual({ refreshIntervalHours: 3 });
  });
});

describe('sync settings storage v1 → v2 (the v1 options page saved the defaults it showed)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('drops values equal to the defaults, keeps real choices', () => {
    expect(syncSettingsV2({ feedUrl: release1.feedUrl, trustedPublicKeys: ['OLD'], refreshIntervalHours: 6 }, release2)).toEqual({});
    expect(syncSettingsV2({ feedUrl: 'https://oma.example/c.json', trustedPublicKeys: ['MINE'], refreshIntervalHours: 12 }, release2)).toEqual({
      feedUrl: 'https://oma.example/c.json',
      trustedPublicKeys: ['MINE'],
      refreshIntervalHours: 12,
    });
    expect(syncSettingsV2('junk', release2)).toBe('junk');
  });

  it('runs through WXT from a real v1 value (no version mark)', async () => {
    await fakeBrowser.storage.local.set({ syncSettings: { trustedPublicKeys: ['MINE'], refreshIntervalHours: 6 } });
    await syncSettingsItem.migrate();
    expect(await syncSettingsItem.getValue()).toEqual({ trustedPublicKeys: ['MINE'] });
    expect((await fakeBrowser.storage.local.get('syncSettings$')).syncSettings$).toEqual({ v: 2 });
  });
});
