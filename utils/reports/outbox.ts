import { BACKOFF_MAX_MS, deliverReport, backoffDelay, NO_ENDPOINT, type DeliveryOutcome, type Fetch } from './delivery';
import { resolveReportEndpoint } from './endpoint';
import { fetchReportAnswer } from './fetch-answer';
import { followUpAfterDelivery, isDueForCheck, isFollowed, markSeen, withAnswer } from './follow-up';
import { reportMailto } from './mailto';
import { reportDraftSchema, type ReportDraft } from './draft';
import { readOutbox, type OutboxEntry, type Report } from './schema';

/** Where the outbox lives; the browser layer passes extension storage, tests a Map or fakeBrowser. */
export interface OutboxStorage {
  load(): Promise<unknown>;
  /** The whole stored list: readable entries, then the quarantined ones exactly as they were. */
  save(entries: unknown[]): Promise<void>;
}

/** Endpoint settings read at each delivery, so that a policy set later still applies. */
export interface ConfiguredUrls {
  policy?: string | undefined;
  settings?: string | undefined;
  build?: string | undefined;
}

export interface ReportsOutboxDeps {
  storage: OutboxStorage;
  fetch: Fetch;
  /** Milliseconds since the epoch. */
  now: () => number;
  newId: () => string;
  /** In [0, 1), for back-off jitter. */
  random: () => number;
  extensionVersion: string;
  configuredUrls: () => Promise<ConfiguredUrls>;
  /** Wake the background at this time for the next attempt; `null` = nothing left to do. */
  scheduleWakeUp: (at: number | null) => Promise<void> | void;
  /** Ask about delivered reports' answers on a schedule (`true`) or stop (`false`: none left to follow). */
  scheduleAnswerChecks?: (active: boolean) => Promise<void> | void;
  /**
   * The need concepts the vocabulary in use finds in a missing-service report's words (the
   * background's; none when not given). A failure here never stops the report.
   */
  guessConcepts?: (words: string) => Promise<string[]> | string[];
}

/** How long a sent or e-mailed report stays listed (and its card says "Ilmoitettu"). */
export const FINISHED_REPORT_RETENTION_MS = 180 * 24 * 60 * 60_000;

export type SubmitResult =
  | { status: 'pending'; id: string }
  | { status: 'handed-to-email'; id: string; mailto: string }
  /** Neither a report endpoint nor a maintainer e-mail is set: kept, sent once one is configured. */
  | { status: 'kept'; id: string; maintainerName: string | null };

export interface ReportsOutbox {
  /** Validates and stores the report before any network use; returns at once. */
  submit(draft: ReportDraft): Promise<SubmitResult>;
  /** Sends every pending report that is due, once each, then schedules the next wake-up. */
  deliverDue(): Promise<void>;
  /** Puts a failed report back in the queue, due now. */
  retry(id: string): Promise<void>;
  /** Forgets a report that is no longer pending (failed, delivered or handed to e-mail). */
  discard(id: string): Promise<void>;
  list(): Promise<OutboxEntry[]>;
  /**
   * Asks each followed report's endpoint for its state and reply (only the report's token is
   * sent), skipping those asked about within `minIntervalMs`. Offline or a malformed answer
   * keeps what is known. Closed and old reports are not asked about again.
   */
  checkAnswers(minIntervalMs: number): Promise<void>;
  /** The nurse has seen these reports' answers in her list. */
  markAnswersSeen(ids: readonly string[]): Promise<void>;
}

export function createReportsOutbox(deps: ReportsOutboxDeps): ReportsOutbox {
  // Every read-modify-write of the stored list runs alone, in order. Entries this version
  // cannot read are written back untouched, and only a discard or the retention time may make
  // the stored list shorter: anything else that would is refused (nothing is ever lost silently).
  let lock: Promise<unknown> = Promise.resolve();
  function exclusive<T>(
    change: (entries: OutboxEntry[]) => { entries: OutboxEntry[]; result: T },
    mayRemove = false,
  ): Promise<T> {
    const run = lock.then(async () => {
      const stored = await deps.storage.load();
      const { entries: loaded, quarantined } = readOutbox(stored);
      const { entries, result } = change(loaded);
      // A read hands back the list it was given: nothing to write.
      if (entries !== loaded) {
        const next = [...entries, ...quarantined.map((entry) => entry.raw)];
        const before = Array.isArray(stored) ? stored.length : stored === undefined || stored === null ? 0 : 1;
        if (next.length < before && !mayRemove) throw new Error(`outbox: refusing to write ${next.length} entries over ${before}`);
        await deps.storage.save(next);
      }
      return result;
    });
    lock = run.catch(() => undefined);
    return run;
  }

  // One delivery pass at a time (an alarm and a submit may arrive together); a request that
  // comes during a pass runs one more pass afterwards, so nothing due is left waiting.
  let delivering: Promise<void> | null = null;
  let again = false;

  async function endpointFor(entry: OutboxEntry): Promise<string | null> {
    const configured = await deps.configuredUrls();
    return resolveReportEndpoint({ ...configured, catalogue: entry.maintainer.reportUrl })?.url ?? null;
  }

  async function deliverOnce(id: string): Promise<void> {
    const entry = (await list()).find((e) => e.report.id === id);
    if (!entry || entry.state.status !== 'pending') return;
    const url = await endpointFor(entry);
    const outcome = url
      ? await deliverReport(entry.report, url, deps.fetch, deps.now())
      : entry.maintainer.email
        ? ({ kind: 'final', reason: NO_ENDPOINT } as const)
        : // Nowhere to send it yet: keep it and try again later (the options may get an address).
          ({ kind: 'retry', reason: NO_ENDPOINT } as DeliveryOutcome);
    await exclusive((entries) => ({
      result: undefined,
      entries: entries.map((current) => {
        // Discarded or changed meanwhile: leave it as it is now.
        if (current.report.id !== id || current.state.status !== 'pending') return current;
        const attempts = current.attempts + 1;
        const at = deps.now();
        if (outcome.kind === 'delivered') {
          const followUp = url ? followUpAfterDelivery(url, id, outcome.statusToken) : null;
          return { ...current, attempts, state: { status: 'delivered', deliveredAt: at }, followUp };
        }
        if (outcome.kind === 'final') return { ...current, attempts, state: { status: 'failed', failedAt: at, reason: outcome.reason } };
        // The endpoint's Retry-After may ask for a longer pause than ours (never longer than the cap).
        const delay = Math.max(backoffDelay(attempts, deps.random()), Math.min(outcome.retryAfterMs ?? 0, BACKOFF_MAX_MS));
        const nextAttemptAt = at + delay;
        return { ...current, attempts, state: { status: 'pending', nextAttemptAt, lastError: outcome.reason } };
      }),
    }));
  }

  /** Finished reports (sent or handed to e-mail) are forgotten after a while; the nurse's text need not stay. */
  async function forgetOld(now: number): Promise<void> {
    const finishedAt = (entry: OutboxEntry) =>
      entry.state.status === 'delivered' ? entry.state.deliveredAt : entry.state.status === 'handed-to-email' ? entry.state.handedAt : null;
    await exclusive((entries) => {
      const kept = entries.filter((entry) => {
        const at = finishedAt(entry);
        return at === null || now - at < FINISHED_REPORT_RETENTION_MS;
      });
      return { entries: kept.length === entries.length ? entries : kept, result: undefined };
    }, true);
  }

  async function deliveryPass(): Promise<void> {
    const now = deps.now();
    await forgetOld(now);
    const due = (await list()).filter((e) => e.state.status === 'pending' && e.state.nextAttemptAt <= now);
    for (const entry of due) await deliverOnce(entry.report.id);
    const after = await list();
    const waiting = after.flatMap((e) => (e.state.status === 'pending' ? [e.state.nextAttemptAt] : []));
    await deps.scheduleWakeUp(waiting.length > 0 ? Math.min(...waiting) : null);
    if (after.some((e) => isFollowed(e, deps.now()))) await deps.scheduleAnswerChecks?.(true);
  }

  // One answer check at a time: a second request while one runs waits for it (and is then satisfied).
  let checking: Promise<void> | null = null;

  async function answerPass(minIntervalMs: number): Promise<void> {
    const due = (await list()).filter((e) => isDueForCheck(e, deps.now(), minIntervalMs));
    for (const entry of due) {
      const { statusUrl, token } = entry.followUp!;
      const outcome = await fetchReportAnswer(statusUrl, entry.report.id, token, deps.fetch);
      if (outcome.kind !== 'answer') continue;
      const at = deps.now();
      await exclusive((entries) => ({
        result: undefined,
        // Discarded meanwhile, or followed with another token: leave it as it is now.
        entries: entries.map((current) => (current.report.id === entry.report.id && current.followUp?.token === token ? withAnswer(current, outcome.answer, at) : current)),
      }));
    }
    const stillFollowed = (await list()).some((e) => isFollowed(e, deps.now()));
    await deps.scheduleAnswerChecks?.(stillFollowed);
  }

  async function list(): Promise<OutboxEntry[]> {
    return exclusive((entries) => ({ entries, result: entries }));
  }

  /** At most ten concepts, each once; a guess that fails leaves the report without one. */
  async function guess(words: string): Promise<string[]> {
    try {
      return [...new Set((await deps.guessConcepts?.(words)) ?? [])].slice(0, 10);
    } catch (error) {
      console.error('reports: no concept guess', error);
      return [];
    }
  }

  return {
    async submit(input) {
      const draft = reportDraftSchema.parse(input);
      const { maintainer, ...fields } = draft;
      const common = { schemaVersion: 1 as const, id: deps.newId(), createdAt: new Date(deps.now()).toISOString() };
      const report: Report =
        'kind' in fields
          ? { ...common, ...fields, guessedConcepts: await guess(fields.words), extensionVersion: deps.extensionVersion }
          : { ...common, ...fields, extensionVersion: deps.extensionVersion };
      const configured = await deps.configuredUrls();
      const endpoint = resolveReportEndpoint({ ...configured, catalogue: maintainer.reportUrl });
      const at = deps.now();
      const entry: OutboxEntry = {
        report,
        maintainer,
        attempts: 0,
        followUp: null,
        state:
          endpoint || !maintainer.email
            ? { status: 'pending', nextAttemptAt: at }
            : { status: 'handed-to-email', handedAt: at, to: maintainer.email },
      };
      await exclusive((entries) => ({ entries: [...entries, entry], result: undefined }));
      if (endpoint) return { status: 'pending', id: report.id };
      return maintainer.email
        ? { status: 'handed-to-email', id: report.id, mailto: reportMailto(report, maintainer.email) }
        : { status: 'kept', id: report.id, maintainerName: maintainer.name ?? null };
    },

    deliverDue() {
      if (delivering) {
        again = true;
        return delivering;
      }
      delivering = (async () => {
        try {
          do {
            again = false;
            await deliveryPass();
          } while (again);
        } finally {
          delivering = null;
        }
      })();
      return delivering;
    },

    async retry(id) {
      const now = deps.now();
      await exclusive((entries) => ({
        result: undefined,
        entries: entries.map((e) =>
          e.report.id === id && e.state.status === 'failed' ? { ...e, state: { status: 'pending', nextAttemptAt: now } } : e,
        ),
      }));
    },

    async discard(id) {
      await exclusive(
        (entries) => ({ result: undefined, entries: entries.filter((e) => e.report.id !== id || e.state.status === 'pending') }),
        true,
      );
    },

    list,

    checkAnswers(minIntervalMs) {
      if (checking) return checking;
      checking = answerPass(minIntervalMs).finally(() => {
        checking = null;
      });
      return checking;
    },

    async markAnswersSeen(ids) {
      const seen = new Set(ids);
      await exclusive((entries) => {
        const next = entries.map((entry) => (seen.has(entry.report.id) ? markSeen(entry) : entry));
        return { entries: next.some((entry, i) => entry !== entries[i]) ? next : entries, result: undefined };
      });
    },
  };
}
