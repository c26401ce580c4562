/**
 * The badge in the background: the pure updater with injected clock, action and alarms, and
 * the wiring (`setupSessionsBackground`) against WXT's fake browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Catalogue } from '@/utils/catalogue/schema';
import { BADGE_ALARM, createBadgeUpdater, type BadgeAction } from '@/utils/sessions/badge-updater';
import { setupSessionsBackground } from '@/utils/sessions/background';
import { createBrowserAdapters } from '@/utils/background/adapters';
import { effectiveHomeSites, readHomeSitesSetting } from '@/utils/sessions/home-sites';
import { homeSitesItem } from '@/utils/storage';
import { catalogueWith, session } from './sessions-fixtures';

const MYYRMAKI = 'myyrmaki-terveysasema';
const demo: { catalogue: Catalogue | undefined } = { catalogue: undefined };

function recordingAction() {
  const calls: string[] = [];
  const action: BadgeAction = {
    setBadgeText: ({ text }) => void calls.push(`text ${text}`),
    setBadgeBackgroundColor: ({ color }) => void calls.push(`colour ${color}`),
  };
  return { action, calls };
}

const thursday = catalogueWith(session('s', MYYRMAKI, '2026-11-26T13:00:00+02:00', '2026-11-26T14:00:00+02:00'));

describe('the badge updater', () => {
  it('shows today’s session at her site, stronger while it is on, and books the next change', async () => {
    const { action, calls } = recordingAction();
    const alarms: Array<[string, string]> = [];
    let now = new Date('2026-11-26T08:00:00+02:00');
    const update = createBadgeUpdater({
      now: () => now,
      homeSites: async () => [MYYRMAKI],
      catalogue: () => thursday,
      action,
      scheduleAlarm: (name, when) => void alarms.push([name, new Date(when).toISOString()]),
    });
    await update();
    now = new Date('2026-11-26T13:00:00+02:00');
    await update();
    now = new Date('2026-11-26T14:00:00+02:00');
    await update();
    expect(calls).toEqual(['text 1', 'colour #4a5560', 'text 1', 'colour #005a8c', 'text ']);
    expect(alarms).toEqual([
      [BADGE_ALARM, '2026-11-26T11:00:00.000Z'],
      [BADGE_ALARM, '2026-11-26T12:00:00.000Z'],
      [BADGE_ALARM, '2026-11-26T22:00:00.000Z'], // midnight in Helsinki
    ]);
  });

  it('shows nothing for a nurse at another site', async () => {
    const { action, calls } = recordingAction();
    await createBadgeUpdater({
      now: () => new Date('2026-11-26T13:30:00+02:00'),
      homeSites: async () => ['korso-terveysasema'],
      catalogue: () => thursday,
      action,
      scheduleAlarm: () => undefined,
    })();
    expect(calls).toEqual(['text ']);
  });
});

describe('her site: storage and policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts unchosen and not dismissed, and repairs a malformed stored value', async () => {
    expect(await homeSitesItem.getValue()).toEqual({ siteIds: [], dismissed: false });
    expect(readHomeSitesSetting({ siteIds: 'myyrmaki', dismissed: 'yes' })).toEqual({ siteIds: [], dismissed: false });
    expect(readHomeSitesSetting(null)).toEqual({ siteIds: [], dismissed: false });
  });

  it('policy beats her own choice and is locked; unknown ids are dropped', () => {
    const known = [MYYRMAKI, 'korso-terveysasema'];
    const mine = { siteIds: ['korso-terveysasema', 'closed-site'], dismissed: true };
    expect(effectiveHomeSites(mine, {}, known)).toEqual({ siteIds: ['korso-terveysasema'], locked: false, dismissed: true });
    expect(effectiveHomeSites(mine, { homeSites: [MYYRMAKI] }, known)).toEqual({ siteIds: [MYYRMAKI], locked: true, dismissed: true });
  });
});

describe('setupSessionsBackground (fake browser)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    demo.catalogue = thursday;
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sets the badge from her stored site and refreshes it on its alarm, without polling', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no policy'));
    vi.setSystemTime(new Date('2026-11-26T12:30:00+02:00'));
    await homeSitesItem.setValue({ siteIds: [MYYRMAKI], dismissed: true });

    setupSessionsBackground(
      createBrowserAdapters({
        catalogue: { sessions: async () => demo.catalogue },
      }),
    );
    await vi.waitFor(() => expect(text).toHaveBeenLastCalledWith({ text: '1' }));
    const alarm = await fakeBrowser.alarms.get(BADGE_ALARM);
    expect(new Date(alarm!.scheduledTime).toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);

    vi.setSystemTime(new Date('2026-11-26T14:00:00+02:00'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: BADGE_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    await vi.waitFor(() => expect(text).toHaveBeenLastCalledWith({ text: '' }));
  });
});
