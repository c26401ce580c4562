/** A PTV draft's review state, worked out again from its draft, its record and the decisions so far. */
import type { Queryable } from '../db/db';
import { pendingFields } from '../ptv/review/fields';
import type { CatalogueRecord } from '../store/records';
import { setPtvReview, type PtvDecision, type PtvServiceRow, type ReviewState } from '../store/ptv-imports';

function reviewOf(row: PtvServiceRow, record: CatalogueRecord | undefined, decisions: readonly PtvDecision[]) {
  if (row.importStatus === 'skipped') return { review: 'skipped' as ReviewState, pending: [] };
  if (row.goneAt) return { review: (row.recordId && !row.goneDecidedAt ? 'gone' : 'done') as ReviewState, pending: [] };
  const pending = pendingFields(row.draft, row.recordId ? record : undefined, decisions);
  const review: ReviewState = pending.length === 0 ? 'done' : row.recordId ? 'changed' : 'new';
  return { review, pending };
}

export async function refreshReview(q: Queryable, row: PtvServiceRow, record: CatalogueRecord | undefined, decisions: readonly PtvDecision[]): Promise<ReviewState> {
  const { review, pending } = reviewOf(row, record, decisions);
  await setPtvReview(q, row.ptvId, review, pending);
  return review;
}
