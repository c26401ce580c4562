/**
 * One import: read PTV, plan against the last drafts, store the drafts, work out what each
 * needs from a reviewer, and write the run to the audit history. Stores drafts only: the
 * catalogue records (and so the feed) do not change.
 */
import type { Db } from '../db/db';
import { helsinkiToday } from '../helsinki-today';
import type { PtvSource } from '../ptv/client/source';
import { summarise, type ImportSummary } from '../ptv/import-plan';
import { runPtvImport } from '../ptv/run-import';
import { audit } from '../store/audit';
import * as store from '../store';
import { refreshReview } from './refresh';

export interface ImportIntoDbOptions {
  source: PtvSource;
  /** Where the source reads from (recorded with the run and as the facts' source address). */
  baseUrl: string;
  municipalities: readonly string[];
  /** Who started it: "command line", "schedule", a maintainer's e-mail. */
  by: string;
  now: Date;
}

export interface ImportOutcome {
  runId: number;
  summary: ImportSummary;
  gone: string[];
}

/** The address of a service's record in the PTV API: the `sources` entry of facts taken from it. */
const ptvServiceUrl = (baseUrl: string, ptvId: string) => `${baseUrl.replace(/\/+$/, '')}/Service/${encodeURIComponent(ptvId)}`;

export async function importPtvIntoDb(db: Db, options: ImportIntoDbOptions): Promise<ImportOutcome> {
  const { now } = options;
  const runId = await store.startPtvImportRun(db, { by: options.by, baseUrl: options.baseUrl, municipalities: options.municipalities, at: now });
  try {
    const plan = await runPtvImport({ source: options.source, municipalities: options.municipalities, current: await store.currentPtvDrafts(db), today: helsinkiToday(now) });
    const summary = summarise(plan);
    const gone = plan.gone.map((draft) => draft.ptvId);
    await db.transaction(async (tx) => {
      for (const service of plan.services) {
        await store.upsertPtvService(tx, {
          draft: service.draft,
          importStatus: service.status,
          skipReason: service.reason,
          runId,
          importedAt: now,
          sourceUrl: ptvServiceUrl(options.baseUrl, service.ptvId),
        });
      }
      for (const ptvId of gone) await store.markPtvServiceGone(tx, ptvId, now);
      // What each draft asks of a reviewer, against its record and the decisions so far.
      const records = new Map((await store.listRecords(tx, 'service', { includeEnded: true })).map((record) => [record.id, record.data]));
      const decisions = await store.ptvDecisions(tx);
      const touched = new Set([...plan.services.map((service) => service.ptvId), ...gone]);
      for (const row of await store.allPtvServices(tx)) {
        if (!touched.has(row.ptvId)) continue;
        await refreshReview(tx, row, row.recordId ? records.get(row.recordId) : undefined, decisions.get(row.ptvId) ?? []);
      }
      const counts = { new: summary.new, changed: summary.changed, unchanged: summary.unchanged, skipped: summary.skipped, gone: gone.length };
      await store.finishPtvImportRun(tx, runId, { summary: counts });
      await audit(tx, { actor: options.by, action: 'ptv-import', kind: 'ptv-import', recordId: String(runId), after: { ...counts, municipalities: options.municipalities, api: options.baseUrl } });
    });
    return { runId, summary, gone };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.finishPtvImportRun(db, runId, { error: message });
    await audit(db, { actor: options.by, action: 'ptv-import-failed', kind: 'ptv-import', recordId: String(runId), after: { error: message } });
    throw error;
  }
}
