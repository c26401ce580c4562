/**
 * A maintainer's decisions on PTV drafts: accept or reject a field or a whole service, match a
 * PTV service to a hand-made record, decide what a service gone from PTV means. Accepting
 * writes the catalogue record (published with the next "Julkaise", like any edit); every
 * decision is kept (ptv_decisions) and written to the audit history.
 */
import type { Db } from '../db/db';
import { applyFields, pendingFields, type PendingField } from '../ptv/review/fields';
import { proposeMatches, type MatchProposal } from '../ptv/review/match';
import { newOrganisationRecord, newServiceRecord, slugId } from '../ptv/review/new-record';
import { audit } from '../store/audit';
import * as store from '../store';
import { refreshReview } from './refresh';

export type DecisionResult = { ok: true; recordId?: string } | { ok: false; problems: string[] };

const fail = (...problems: string[]): DecisionResult => ({ ok: false, problems });

async function load(db: Db, ptvId: string) {
  const row = await store.getPtvService(db, ptvId);
  if (!row) return undefined;
  const record = row.recordId ? await store.getRecord(db, 'service', row.recordId) : undefined;
  const decisions = (await store.ptvDecisions(db, ptvId)).get(ptvId) ?? [];
  return { row, record, decisions, pending: pendingFields(row.draft, record?.data, decisions) };
}

async function refresh(db: Db, ptvId: string): Promise<void> {
  const loaded = await load(db, ptvId);
  if (loaded) await refreshReview(db, loaded.row, loaded.record?.data, loaded.decisions);
}

/** The first free record id: "name", then "name-2", "name-3" … */
async function freeId(db: Db, kind: 'service' | 'organisation', wanted: string): Promise<string> {
  const base = slugId(wanted);
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await store.getRecord(db, kind, id))) return id;
  }
}

function chosen(pending: readonly PendingField[], fields: readonly string[] | 'all'): PendingField[] {
  return fields === 'all' ? [...pending] : pending.filter((item) => fields.includes(item.field));
}

async function recordDecisions(db: Db, row: store.PtvServiceRow, items: readonly PendingField[], decision: 'accepted' | 'rejected', by: string): Promise<void> {
  for (const item of items) {
    await store.addPtvDecision(db, { ptvId: row.ptvId, field: item.field, decision, value: item.new, ptvModified: row.ptvModified, importedAt: row.importedAt, by });
  }
}

/** The catalogue organisation for a new service: one confirmed for its PTV organisation or business id, else a new one. */
async function organisationFor(db: Db, row: store.PtvServiceRow, actor: string): Promise<{ id: string } | { problems: string[] }> {
  const { organisation } = row.draft;
  for (const id of await store.linkedOrganisations(db, organisation.ptvId, organisation.businessCode)) {
    if (await store.getRecord(db, 'organisation', id)) return { id };
  }
  const id = await freeId(db, 'organisation', organisation.name);
  const saved = await store.saveRecord(db, 'organisation', id, newOrganisationRecord(row.draft, id, row.sourceUrl), actor, 'ptv-accept');
  return saved.ok ? { id } : { problems: saved.issues.map((issue) => `organisation ${issue.path.join('.')}: ${issue.message}`) };
}

/**
 * Accept PTV's values: for a service with a record, the chosen fields; for a new one, all of
 * them at once (a record needs its name, description and category together). `categories`
 * are the maintainer's choice where PTV's service classes named none.
 */
export async function acceptPtv(db: Db, ptvId: string, fields: readonly string[] | 'all', actor: string, options: { categories?: string[] } = {}): Promise<DecisionResult> {
  const loaded = await load(db, ptvId);
  if (!loaded || loaded.row.review === 'skipped') return fail('no such PTV draft');
  const { row, record, pending } = loaded;
  const items = chosen(pending, fields);
  if (items.length === 0) return fail('nothing to accept');
  const values = items.map((item) => ({ field: item.field, value: item.new }));
  let recordId: string;
  if (record) {
    const saved = await store.saveRecord(db, 'service', record.id, applyFields(record.data, values, row.sourceUrl), actor, 'ptv-accept');
    if (!saved.ok) return fail(...saved.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    recordId = record.id;
  } else {
    if (fields !== 'all') return fail('a new service is accepted as a whole (or matched to an existing record first)');
    const serviceId = await freeId(db, 'service', row.name);
    // Check the service as its save will (the catalogue as publishing checks it) before creating
    // its organisation, so a refusal leaves nothing behind; only the organisation is not there yet.
    const draftRecord = newServiceRecord({ id: serviceId, organisationId: 'x', categories: options.categories }, values, row.sourceUrl);
    const checked = await store.checkSave(db, 'service', serviceId, draftRecord);
    const problems = checked.ok ? [] : checked.issues.filter((issue) => issue.path.join('.') !== 'organisationId');
    if (problems.length > 0) return fail(...problems.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    const organisation = await organisationFor(db, row, actor);
    if ('problems' in organisation) return fail(...organisation.problems);
    const saved = await store.saveRecord(db, 'service', serviceId, { ...draftRecord, organisationId: organisation.id }, actor, 'ptv-accept');
    if (!saved.ok) return fail(...saved.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    await store.linkPtvRecord(db, ptvId, serviceId);
    await store.linkPtvOrganisation(db, { ptvOrganisationId: row.draft.organisation.ptvId, businessCode: row.draft.organisation.businessCode, organisationId: organisation.id, by: actor });
    recordId = serviceId;
  }
  await recordDecisions(db, row, items, 'accepted', actor);
  await audit(db, {
    actor,
    action: 'ptv-accept',
    kind: 'ptv',
    recordId: ptvId,
    before: record ? Object.fromEntries(items.map((item) => [item.field, item.old ?? null])) : undefined,
    after: { service: recordId, fields: Object.fromEntries(values.map(({ field, value }) => [field, value])), ptvModified: row.ptvModified, importedAt: row.importedAt },
  });
  await refresh(db, ptvId);
  return { ok: true, recordId };
}

/** Reject PTV's values (chosen fields, or every pending one): not asked again until PTV changes them. */
export async function rejectPtv(db: Db, ptvId: string, fields: readonly string[] | 'all', actor: string): Promise<DecisionResult> {
  const loaded = await load(db, ptvId);
  if (!loaded || loaded.row.review === 'skipped') return fail('no such PTV draft');
  const items = chosen(loaded.pending, fields);
  if (items.length === 0) return fail('nothing to reject');
  await recordDecisions(db, loaded.row, items, 'rejected', actor);
  await audit(db, {
    actor,
    action: 'ptv-reject',
    kind: 'ptv',
    recordId: ptvId,
    after: { service: loaded.row.recordId, rejected: Object.fromEntries(items.map((item) => [item.field, item.new])), ptvModified: loaded.row.ptvModified },
  });
  await refresh(db, ptvId);
  return { ok: true };
}

/** The maintainer confirms that a PTV service is this hand-made record: from now on PTV's changes are compared with it. */
export async function matchPtv(db: Db, ptvId: string, serviceId: string, actor: string): Promise<DecisionResult> {
  const row = await store.getPtvService(db, ptvId);
  if (!row || row.review === 'skipped') return fail('no such PTV draft');
  if (row.recordId) return fail(`already linked to ${row.recordId}`);
  const record = await store.getRecord(db, 'service', serviceId);
  if (!record) return fail(`no service "${serviceId}"`);
  const other = await store.ptvServiceOfRecord(db, serviceId);
  if (other) return fail(`"${serviceId}" is already linked to PTV service ${other.ptvId}`);
  await store.linkPtvRecord(db, ptvId, serviceId);
  await store.linkPtvOrganisation(db, {
    ptvOrganisationId: row.draft.organisation.ptvId,
    businessCode: row.draft.organisation.businessCode,
    organisationId: String(record.data.organisationId),
    by: actor,
  });
  await audit(db, { actor, action: 'ptv-match', kind: 'ptv', recordId: ptvId, after: { service: serviceId, organisation: record.data.organisationId, businessCode: row.draft.organisation.businessCode } });
  await refresh(db, ptvId);
  return { ok: true, recordId: serviceId };
}

/** A linked service PTV no longer lists: end the record, or keep it (the maintainer knows it still runs). */
export async function decideGone(db: Db, ptvId: string, action: 'end' | 'keep', actor: string): Promise<DecisionResult> {
  const row = await store.getPtvService(db, ptvId);
  if (!row?.goneAt || !row.recordId) return fail('not a service gone from PTV');
  if (action === 'end') await store.endRecord(db, 'service', row.recordId, actor);
  await store.decideGonePtvService(db, ptvId);
  await audit(db, { actor, action: `ptv-gone-${action}`, kind: 'ptv', recordId: ptvId, after: { service: row.recordId } });
  await refresh(db, ptvId);
  return { ok: true, recordId: row.recordId };
}

/** Hand-made services this PTV service may be: by the organisation's business id and by name. */
export async function matchProposals(db: Db, row: store.PtvServiceRow): Promise<MatchProposal[]> {
  const linked = new Set((await store.allPtvServices(db)).flatMap((item) => item.recordId ?? []));
  const organisations = new Map((await store.listRecords(db, 'organisation')).map((record) => [record.id, String(record.data.name)]));
  const candidates = (await store.listRecords(db, 'service'))
    .filter((record) => !linked.has(record.id))
    .map((record) => ({
      serviceId: record.id,
      serviceName: String(record.data.name),
      organisationId: String(record.data.organisationId),
      organisationName: organisations.get(String(record.data.organisationId)) ?? '',
    }));
  const byBusinessId = new Set(await store.linkedOrganisations(db, row.draft.organisation.ptvId, row.draft.organisation.businessCode));
  return proposeMatches(row.draft, candidates, byBusinessId);
}
