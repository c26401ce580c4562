/**
 * PTV drafts, import runs, per-field decisions and organisation links (migration 005). The
 * drafts never reach the feed: only records do, and records change only when a maintainer
 * accepts (ptv-import/review.ts).
 */
import type { CurrentDraft } from '../ptv/import-plan';
import type { PtvDraft } from '../ptv/map/record';
import type { EarlierDecision, PendingField } from '../ptv/review/fields';
import type { Queryable } from '../db/db';
import { json } from './json';

export const REVIEW_STATES = ['new', 'changed', 'gone', 'done', 'skipped'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export type ImportStatus = 'new' | 'changed' | 'unchanged' | 'skipped';

export interface PtvServiceRow {
  ptvId: string;
  draft: PtvDraft;
  ptvModified: string | null;
  importedAt: Date;
  sourceUrl: string;
  importStatus: ImportStatus;
  skipReason: string | null;
  goneAt: Date | null;
  goneDecidedAt: Date | null;
  recordId: string | null;
  review: ReviewState;
  pending: PendingField[];
  name: string;
  organisationName: string;
  businessCode: string | null;
}

type RawRow = {
  ptv_id: string;
  draft: PtvDraft;
  ptv_modified: string | null;
  imported_at: Date;
  source_url: string;
  import_status: ImportStatus;
  skip_reason: string | null;
  gone_at: Date | null;
  gone_decided_at: Date | null;
  record_id: string | null;
  review: ReviewState;
  pending: PendingField[];
  name: string;
  organisation_name: string;
  business_code: string | null;
};

const COLUMNS =
  'ptv_id, draft, ptv_modified, imported_at, source_url, import_status, skip_reason, gone_at, gone_decided_at, record_id, review, pending, name, organisation_name, business_code';

const toRow = (row: RawRow): PtvServiceRow => ({
  ptvId: row.ptv_id,
  draft: row.draft,
  ptvModified: row.ptv_modified,
  importedAt: new Date(row.imported_at),
  sourceUrl: row.source_url,
  importStatus: row.import_status,
  skipReason: row.skip_reason,
  goneAt: row.gone_at ? new Date(row.gone_at) : null,
  goneDecidedAt: row.gone_decided_at ? new Date(row.gone_decided_at) : null,
  recordId: row.record_id,
  review: row.review,
  pending: row.pending,
  name: row.name,
  organisationName: row.organisation_name,
  businessCode: row.business_code,
});

// Import runs ------------------------------------------------------------------------------

export async function startPtvImportRun(q: Queryable, run: { by: string; baseUrl: string; municipalities: readonly string[]; at: Date }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO ptv_import_runs (started_by, base_url, municipalities, started_at) VALUES ($1, $2, $3::jsonb, $4) RETURNING id',
    [run.by, run.baseUrl, json(run.municipalities), run.at],
  );
  return Number(row!.id);
}

export async function finishPtvImportRun(q: Queryable, id: number, outcome: { summary: unknown } | { error: string }): Promise<void> {
  await q.query('UPDATE ptv_import_runs SET finished_at = now(), summary = $2::jsonb, error = $3 WHERE id = $1', [
    id,
    'summary' in outcome ? json(outcome.summary) : null,
    'error' in outcome ? outcome.error : null,
  ]);
}

export interface PtvImportRun {
  id: number;
  startedAt: Date;
  finishedAt: Date | null;
  startedBy: string;
  municipalities: string[];
  summary: Record<string, number> | null;
  error: string | null;
}

export async function latestPtvImportRuns(q: Queryable, limit = 5): Promise<PtvImportRun[]> {
  const rows = await q.query<{ id: number; started_at: Date; finished_at: Date | null; started_by: string; municipalities: string[]; summary: Record<string, number> | null; error: string | null }>(
    'SELECT id, started_at, finished_at, started_by, municipalities, summary, error FROM ptv_import_runs ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    startedBy: row.started_by,
    municipalities: row.municipalities,
    summary: row.summary,
    error: row.error,
  }));
}

// Drafts -----------------------------------------------------------------------------------

/** The drafts the next run compares against: every imported NGO service still in PTV. */
export async function currentPtvDrafts(q: Queryable): Promise<Map<string, CurrentDraft>> {
  const rows = await q.query<{ ptv_id: string; draft: PtvDraft; ptv_modified: string | null }>(
    "SELECT ptv_id, draft, ptv_modified FROM ptv_services WHERE import_status <> 'skipped' AND gone_at IS NULL",
  );
  return new Map(rows.map((row) => [row.ptv_id, { ptvId: row.ptv_id, draft: row.draft, modified: row.ptv_modified }]));
}

export async function allPtvServices(q: Queryable): Promise<PtvServiceRow[]> {
  return (await q.query<RawRow>(`SELECT ${COLUMNS} FROM ptv_services`)).map(toRow);
}

export async function getPtvService(q: Queryable, ptvId: string): Promise<PtvServiceRow | undefined> {
  const [row] = await q.query<RawRow>(`SELECT ${COLUMNS} FROM ptv_services WHERE ptv_id = $1`, [ptvId]);
  return row ? toRow(row) : undefined;
}

export async function ptvServiceOfRecord(q: Queryable, recordId: string): Promise<PtvServiceRow | undefined> {
  const [row] = await q.query<RawRow>(`SELECT ${COLUMNS} FROM ptv_services WHERE record_id = $1`, [recordId]);
  return row ? toRow(row) : undefined;
}

/** This run's version of a service: the draft replaces the last one, and it is no longer gone. */
export async function upsertPtvService(
  q: Queryable,
  service: { draft: PtvDraft; importStatus: ImportStatus; skipReason?: string; runId: number; importedAt: Date; sourceUrl: string },
): Promise<void> {
  const { draft } = service;
  await q.query(
    `INSERT INTO ptv_services (ptv_id, draft, ptv_modified, imported_at, source_url, import_status, skip_reason, last_run_id, review, name, organisation_name, business_code)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (ptv_id) DO UPDATE SET draft = EXCLUDED.draft, ptv_modified = EXCLUDED.ptv_modified, imported_at = EXCLUDED.imported_at,
       source_url = EXCLUDED.source_url, import_status = EXCLUDED.import_status, skip_reason = EXCLUDED.skip_reason,
       last_run_id = EXCLUDED.last_run_id, name = EXCLUDED.name, organisation_name = EXCLUDED.organisation_name,
       business_code = EXCLUDED.business_code, gone_at = NULL, gone_decided_at = NULL`,
    [
      draft.ptvId,
      json(draft),
      draft.modified,
      service.importedAt,
      service.sourceUrl,
      service.importStatus,
      service.skipReason ?? null,
      service.runId,
      service.importStatus === 'skipped' ? 'skipped' : 'new',
      draft.names.fi ?? draft.names.sv ?? draft.names.en ?? draft.ptvId,
      draft.organisation.name,
      draft.organisation.businessCode,
    ],
  );
}

export async function markPtvServiceGone(q: Queryable, ptvId: string, at: Date): Promise<void> {
  await q.query('UPDATE ptv_services SET gone_at = coalesce(gone_at, $2) WHERE ptv_id = $1', [ptvId, at]);
}

export async function setPtvReview(q: Queryable, ptvId: string, review: ReviewState, pending: readonly PendingField[]): Promise<void> {
  await q.query('UPDATE ptv_services SET review = $2, pending = $3::jsonb WHERE ptv_id = $1', [ptvId, review, json(pending)]);
}

export async function linkPtvRecord(q: Queryable, ptvId: string, recordId: string): Promise<void> {
  await q.query('UPDATE ptv_services SET record_id = $2 WHERE ptv_id = $1', [ptvId, recordId]);
}

export async function decideGonePtvService(q: Queryable, ptvId: string): Promise<void> {
  await q.query('UPDATE ptv_services SET gone_decided_at = now() WHERE ptv_id = $1', [ptvId]);
}

export interface ReviewPage {
  rows: PtvServiceRow[];
  total: number;
  counts: Record<ReviewState, number>;
}

/** One page of one review state, by name: the list stays quick with thousands of drafts. */
export async function listPtvReview(q: Queryable, review: ReviewState, page: number, pageSize: number): Promise<ReviewPage> {
  const rows = await q.query<RawRow>(`SELECT ${COLUMNS} FROM ptv_services WHERE review = $1 ORDER BY name, ptv_id LIMIT $2 OFFSET $3`, [
    review,
    pageSize,
    (page - 1) * pageSize,
  ]);
  const countRows = await q.query<{ review: ReviewState; n: number }>('SELECT review, count(*)::int AS n FROM ptv_services GROUP BY review');
  const counts = Object.fromEntries(REVIEW_STATES.map((state) => [state, 0])) as Record<ReviewState, number>;
  for (const row of countRows) counts[row.review] = Number(row.n);
  return { rows: rows.map(toRow), total: counts[review], counts };
}

// Decisions --------------------------------------------------------------------------------

export interface PtvDecision extends EarlierDecision {
  ptvModified: string | null;
  importedAt: Date;
  decidedBy: string;
  decidedAt: Date;
}

export async function ptvDecisions(q: Queryable, ptvId?: string): Promise<Map<string, PtvDecision[]>> {
  const rows = await q.query<{ ptv_id: string; field: string; decision: 'accepted' | 'rejected'; value: unknown; ptv_modified: string | null; imported_at: Date; decided_by: string; decided_at: Date }>(
    `SELECT ptv_id, field, decision, value, ptv_modified, imported_at, decided_by, decided_at FROM ptv_decisions
     WHERE ($1::text IS NULL OR ptv_id = $1) ORDER BY id`,
    [ptvId ?? null],
  );
  const byService = new Map<string, PtvDecision[]>();
  for (const row of rows) {
    const list = byService.get(row.ptv_id) ?? [];
    list.push({
      field: row.field,
      decision: row.decision,
      value: row.value,
      ptvModified: row.ptv_modified,
      importedAt: new Date(row.imported_at),
      decidedBy: row.decided_by,
      decidedAt: new Date(row.decided_at),
    });
    byService.set(row.ptv_id, list);
  }
  return byService;
}

export async function addPtvDecision(
  q: Queryable,
  decision: { ptvId: string; field: string; decision: 'accepted' | 'rejected'; value: unknown; ptvModified: string | null; importedAt: Date; by: string },
): Promise<void> {
  await q.query(
    'INSERT INTO ptv_decisions (ptv_id, field, decision, value, ptv_modified, imported_at, decided_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)',
    [decision.ptvId, decision.field, decision.decision, json(decision.value), decision.ptvModified, decision.importedAt, decision.by],
  );
}

// Organisation links -----------------------------------------------------------------------

export async function linkPtvOrganisation(q: Queryable, link: { ptvOrganisationId: string; businessCode: string | null; organisationId: string; by: string }): Promise<void> {
  await q.query(
    `INSERT INTO ptv_organisation_links (ptv_organisation_id, business_code, organisation_id, linked_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (ptv_organisation_id) DO UPDATE SET business_code = EXCLUDED.business_code, organisation_id = EXCLUDED.organisation_id,
       linked_by = EXCLUDED.linked_by, linked_at = now()`,
    [link.ptvOrganisationId, link.businessCode, link.organisationId, link.by],
  );
}

/** Catalogue organisations confirmed for this PTV organisation or business id. */
export async function linkedOrganisations(q: Queryable, ptvOrganisationId: string, businessCode: string | null): Promise<string[]> {
  const rows = await q.query<{ organisation_id: string }>(
    'SELECT DISTINCT organisation_id FROM ptv_organisation_links WHERE ptv_organisation_id = $1 OR ($2::text IS NOT NULL AND business_code = $2)',
    [ptvOrganisationId, businessCode],
  );
  return rows.map((row) => row.organisation_id);
}
