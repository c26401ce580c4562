import { describe, expect, it } from 'vitest';
import { resolveSyncConfig, syncSettingsSchema } from '@/utils/sync/config';
import { parsePolicy } from '@/utils/policy/schema';

const build = { feedUrl: 'https://build.example/catalogue.json', trustedPublicKeys: ['BUILD'], refreshIntervalHours: 6 };

describe('sync configuration: policy, then options page, then build default', () => {
  it('takes each value from the highest source that sets it', () => {
    const { policy } = parsePolicy({ feedUrl: 'https://policy.example/catalogue.json' });
    const config = resolveSyncConfig(policy, { feedUrl: 'https://options.example/c.json', refreshIntervalHours: 2 }, build);
    expect(config).toEqual({
      feedUrl: 'https://policy.example/catalogue.json',
      trustedPublicKeys: ['BUILD'],
      refreshIntervalHours: 2,
      minimumRevision: 0,
      useBundledCatalogue: false,
      sources: { feedUrl: 'policy', trustedPublicKeys: 'build', refreshIntervalHours: 'options' },
    });
  });

  it('a bad policy value is dropped alone and the next source applies', () => {
    const { policy, problems } = parsePolicy({ feedUrl: 'ftp://x', refreshIntervalHours: 12 });
    expect(problems).toHaveLength(1);
    const config = resolveSyncConfig(policy, {}, build);
    expect(config.feedUrl).toBe(build.feedUrl);
    expect(config.sources.refreshIntervalHours).toBe('policy');
    expect(config.refreshIntervalHours).toBe(12);
  });

  it('stored options are read back field by field', () => {
    expect(syncSettingsSchema.parse({ feedUrl: 'javascript:alert(1)', refreshIntervalHours: 3, trustedPublicKeys: [] })).toEqual({ refreshIntervalHours: 3 });
  });
});
