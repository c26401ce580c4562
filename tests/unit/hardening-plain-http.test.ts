/**
 * Plain http only on this computer (issue 12, item 6): report endpoints and feeds on any other
 * host must use https, wherever the address comes from (policy, options page, catalogue
 * maintainer, build default).
 */
import { describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '@/utils/policy/schema';
import { resolveReportEndpoint } from '@/utils/reports/endpoint';
import { maintainerContactSchema } from '@/utils/reports/schema';
import { readReportSettings } from '@/utils/reports/settings';
import { syncSettingsInputSchema } from '@/utils/sync/config';
import { packWithBundledSynonyms } from '@/utils/sync/pack-feed';
import { syncOnce } from '@/utils/sync/sync-once';
import { bundledHeader } from './sync-browser-fixtures';
import { memorySyncStore } from './sync-memory-store';

const refused = [
  'http://feeds.vakehyva.fi/catalogue.json',
  'http://10.0.0.5/reports',
  'http://127.0.0.1.evil.example/reports',
  'http://localhost.evil.example/reports',
  'http://127.0.0.2/reports',
  'http://[::2]/reports',
];
const allowed = ['https://feeds.vakehyva.fi/catalogue.json', 'http://127.0.0.1:8787/catalogue.json', 'http://localhost:3000/reports', 'http://[::1]:8080/reports'];

describe('plain http only for 127.0.0.1, localhost and [::1]', () => {
  it.each(refused)('refuses %s from policy, options, catalogue maintainer and endpoint choice', (url) => {
    const { policy, problems } = parsePolicy({ feedUrl: url, reportUrl: url });
    expect(policy).toEqual({});
    expect(problems.join(' ')).toMatch(/only for 127\.0\.0\.1/);
    expect(syncSettingsInputSchema.safeParse({ feedUrl: url }).success).toBe(false);
    expect(readReportSettings({ reportUrl: url })).toEqual({});
    expect(maintainerContactSchema.safeParse({ email: 'a@b.fi', reportUrl: url }).success).toBe(false);
    expect(resolveReportEndpoint({ policy: url, settings: url, catalogue: url, build: url })).toBeNull();
  });

  it.each(allowed)('accepts %s', (url) => {
    expect(parsePolicy({ feedUrl: url, reportUrl: url }).problems).toEqual([]);
    expect(readReportSettings({ reportUrl: url })).toEqual({ reportUrl: url });
    expect(resolveReportEndpoint({ build: url })).toEqual({ url, source: 'build' });
  });

  it('a plain-http feed from the build default is not fetched', async () => {
    const fetch = vi.fn();
    const state = await syncOnce(
      {
        fetch,
        now: () => 0,
        store: memorySyncStore().store,
        bundled: { ...bundledHeader(), revision: 1 },
        pack: packWithBundledSynonyms,
        timeoutMs: 1000,
        maxBytes: 1000,
      },
      { feedUrl: 'http://feeds.vakehyva.fi/catalogue.json', trustedPublicKeys: ['KEY'] },
      'alarm',
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(state.reason).toBe('notConfigured');
    expect(state.detail).toMatch(/https/);
  });
});
