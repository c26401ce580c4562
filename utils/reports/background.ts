import { browser } from '#imports';
import type { BackgroundAdapters } from '../background/adapters';
import { handleMessage } from '../background/handle-message';
import { readPolicy } from '../policy/read';
import { bundledCompiledVocabulary } from '../sync/pack-feed';
import { guessConcepts } from '../vocabulary/guess-concepts';
import { reportSettingsItem } from '../storage';
import { ANSWER_CHECK_PERIOD_MINUTES, ANSWER_RECHECK_MIN_MS } from './follow-up';
import { createReportsOutbox, type ReportsOutbox, type ReportsOutboxDeps } from './outbox';
import { readReportSettings } from './settings';

export const REPORTS_ALARM = 'reports.deliver';
/** Asks about delivered reports' answers every few hours while any is open (utils/reports/follow-up.ts). */
export const ANSWERS_ALARM = 'reports.checkAnswers';

/** The build default endpoint: none unless the build sets WXT_REPORT_URL. */
const BUILD_REPORT_URL: string | undefined = import.meta.env.WXT_REPORT_URL || undefined;

/**
 * Browser wiring of the outbox: deliver on submit, on the back-off alarm and when the browser
 * starts. All state is in extension storage, so a stopped service worker or a restarted
 * browser picks up where it left. Listeners are registered synchronously (MV3 wake-up).
 * Tests may replace the network and the clock.
 */
export function setupReportsBackground(adapters: BackgroundAdapters, overrides: Partial<ReportsOutboxDeps> = {}): ReportsOutbox {
  const outbox = createReportsOutbox({
    storage: adapters.storage.outbox,
    fetch: adapters.fetch,
    now: () => adapters.clock.now(),
    newId: () => crypto.randomUUID(),
    random: () => Math.random(),
    extensionVersion: browser.runtime.getManifest().version,
    configuredUrls: async () => ({
      policy: (await readPolicy()).policy.reportUrl,
      settings: readReportSettings(await reportSettingsItem.getValue()).reportUrl,
      build: BUILD_REPORT_URL,
    }),
    scheduleWakeUp: async (at) => {
      if (at === null) await adapters.alarms.clear(REPORTS_ALARM);
      // Browsers clamp alarms to at least 30 s ahead; an overdue report waits that long at most.
      else await adapters.alarms.create(REPORTS_ALARM, { when: at });
    },
    scheduleAnswerChecks: async (active) => {
      if (!active) await adapters.alarms.clear(ANSWERS_ALARM);
      // Created once: re-creating it on every delivery would keep pushing the next check away.
      else if (!(await adapters.alarms.get(ANSWERS_ALARM))) {
        await adapters.alarms.create(ANSWERS_ALARM, { delayInMinutes: ANSWER_CHECK_PERIOD_MINUTES, periodInMinutes: ANSWER_CHECK_PERIOD_MINUTES });
      }
    },
    // The background holds the need vocabulary (the feed packer compiles it); the popup does not.
    guessConcepts: (words) => {
      const vocabulary = bundledCompiledVocabulary();
      return vocabulary ? guessConcepts(words, vocabulary) : [];
    },
    ...overrides,
  });
  const deliverSoon = () => void outbox.deliverDue().catch((error: unknown) => console.error('reports: delivery pass failed', error));
  const checkSoon = (minIntervalMs: number) =>
    void outbox.checkAnswers(minIntervalMs).catch((error: unknown) => console.error('reports: answer check failed', error));

  // The data was checked against MESSAGE_DATA (utils/background/handle-message.ts) before these run.
  handleMessage('reports.submit', async (draft) => {
    const result = await outbox.submit(draft);
    if (result.status === 'pending') deliverSoon();
    return result;
  });
  handleMessage('reports.retry', async ({ id }) => {
    await outbox.retry(id);
    deliverSoon();
  });
  handleMessage('reports.discard', async ({ id }) => {
    await outbox.discard(id);
  });
  // Opening "Omat ilmoitukset" (or the popup) asks at once; the answer arrives through storage.
  handleMessage('reports.checkAnswers', () => {
    checkSoon(ANSWER_RECHECK_MIN_MS);
  });
  handleMessage('reports.answersSeen', async ({ ids }) => {
    await outbox.markAnswersSeen(ids);
  });
  adapters.alarms.on(REPORTS_ALARM, deliverSoon);
  // The scheduled check asks about every open report (the period itself is the spacing).
  adapters.alarms.on(ANSWERS_ALARM, () => checkSoon(0));
  browser.runtime.onStartup.addListener(deliverSoon);
  browser.runtime.onInstalled.addListener(deliverSoon);
  return outbox;
}
