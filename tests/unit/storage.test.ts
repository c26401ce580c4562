import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFERENCES, readPreferences } from '@/utils/preferences';
import { preferencesItem } from '@/utils/storage';

describe('preferences in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('fall back to defaults on first run', async () => {
    expect(await preferencesItem.getValue()).toEqual(DEFAULT_PREFERENCES);
  });

  it('round-trip and keep nothing but the preferences', async () => {
    await preferencesItem.setValue({ city: 'kerava', noteLanguage: 'sv', uiLanguage: 'auto' });
    expect(await preferencesItem.getValue()).toEqual({ city: 'kerava', noteLanguage: 'sv', uiLanguage: 'auto' });
    const everything = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(everything).sort()).toEqual(['preferences', 'preferences$'].filter((key) => key in everything).sort());
  });

  it('repair a malformed stored value field by field', () => {
    expect(readPreferences({ city: 'Helsinki', noteLanguage: 'en', uiLanguage: 42 })).toEqual({
      city: 'all',
      noteLanguage: 'en',
      uiLanguage: 'auto',
    });
    expect(readPreferences('garbage')).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
  });
});
