import { browser } from '#imports';
import { readPolicy } from '../policy/read';
import { reportsMessenger, reportIdMessageSchema } from './messaging';
import { createReportsOutbox, type ReportsOutboxDeps, type ReportsOutbox } from './outbox';
import { reportDraftSchema } from './draft';
import { readReportSettings } from './settings';
import { outboxStorage, reportSettingsItem } from './storage-items';

export const REPORTS_ALARM = 'reports.deliver';

/** The build default endpoint: none unless the build sets WXT_REPORT_URL. */
const BUILD_REPORT_URL: string | undefined = import.meta.env.WXT_REPORT_URL || undefined;

/**
 * Browser wiring of the outbox: deliver on submit, on the back-off alarm and when the browser
 * starts. All state is in extension storage, so a stopped service worker or a restarted
 * browser picks up where it left. Listeners are registered synchronously (MV3 wake-up).
 * Tests may replace the network and the clock.
 */
export function setupReportsBackground(overrides: Partial<ReportsOutboxDeps> = {}): ReportsOutbox {
  const outbox = createReportsOutbox({
    storage: outboxStorage,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    random: () => Math.random(),
    extensionVersion: browser.runtime.getManifest().version,
    configuredUrls: async () => ({
      policy: (await readPolicy()).policy.reportUrl,
      settings: readReportSettings(await reportSettingsItem.getValue()).reportUrl,
      build: BUILD_REPORT_URL,
    }),
    scheduleWakeUp: async (at) => {
      if (at === null) await browser.alarms.clear(REPORTS_ALARM);
      // Browsers clamp alarms to at least 30 s ahead; an overdue report waits that long at most.
      else await browser.alarms.create(REPORTS_ALARM, { when: at });
    },
    ...overrides,
  });
  const deliverSoon = () => void outbox.deliverDue().catch((error: unknown) => console.error('reports: delivery pass failed', error));

  reportsMessenger.onMessage('reports.submit', async ({ data }) => {
    const result = await outbox.submit(reportDraftSchema.parse(data));
    if (result.status === 'pending') deliverSoon();
    return result;
  });
  reportsMessenger.onMessage('reports.retry', async ({ data }) => {
    await outbox.retry(reportIdMessageSchema.parse(data).id);
    deliverSoon();
  });
  reportsMessenger.onMessage('reports.discard', async ({ data }) => {
    await outbox.discard(reportIdMessageSchema.parse(data).id);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORTS_ALARM) deliverSoon();
  });
  browser.runtime.onStartup.addListener(deliverSoon);
  browser.runtime.onInstalled.addListener(deliverSoon);
  return outbox;
}
