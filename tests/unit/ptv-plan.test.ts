import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPtvV11Source } from '@/workbench/src/ptv/client/v11';
import { startFakePtv, type FakePtvServer } from '@/workbench/src/ptv/fake-server';
import { planImport, summarise, type CurrentDraft, type ImportPlan } from '@/workbench/src/ptv/import-plan';
import { runPtvImport } from '@/workbench/src/ptv/run-import';
import { FIXTURES, ids, noWait, TODAY, trilingualSummary } from '../workbench/ptv-helpers';

let server: FakePtvServer;
let first: ImportPlan;
/** What the DB layer would hold after accepting the first run as drafts. */
const draftsOf = (plan: ImportPlan) =>
  new Map<string, CurrentDraft>(
    plan.services.filter((service) => service.status !== 'skipped').map((service) => [service.ptvId, { ptvId: service.ptvId, draft: service.draft, modified: service.draft.modified }]),
  );

beforeAll(async () => {
  server = await startFakePtv(FIXTURES);
  const source = createPtvV11Source({ baseUrl: server.baseUrl, ...noWait });
  first = await runPtvImport({ source, municipalities: ['092', '245'], current: new Map(), today: TODAY });
});
afterAll(() => server.close());

describe('import plan', () => {
  it('first run: every NGO service new, the municipal one skipped; the --json summary', () => {
    const summary = summarise(first);
    expect({ new: summary.new, changed: summary.changed, unchanged: summary.unchanged, skipped: summary.skipped }).toEqual({ new: 4, changed: 0, unchanged: 0, skipped: 1 });
    expect(summary.services.find((service) => service.ptvId === ids.trilingual)).toEqual(trilingualSummary);
    expect(summary.services.find((service) => service.ptvId === ids.municipal)).toMatchObject({ status: 'skipped', reason: expect.stringContaining('Municipality') });
    expect(summary.services.find((service) => service.ptvId === ids.nulls)?.names).toEqual({ fi: 'Ruoka-apu', sv: null, en: null });
    // Plain JSON: what --json prints survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('second run with unchanged data: everything unchanged', async () => {
    const source = createPtvV11Source({ baseUrl: server.baseUrl, ...noWait });
    const second = await runPtvImport({ source, municipalities: ['092', '245'], current: draftsOf(first), today: TODAY });
    const summary = summarise(second);
    expect({ new: summary.new, changed: summary.changed, unchanged: summary.unchanged, skipped: summary.skipped }).toEqual({ new: 0, changed: 0, unchanged: 4, skipped: 1 });
    expect(second.gone).toEqual([]);
  });

  it('a changed phone is a field diff, old → new; a new modified alone is no change', () => {
    const current = draftsOf(first);
    const again = first.services.map((service) => ({ ptvId: service.ptvId, skipReason: service.reason, draft: structuredClone(service.draft) }));
    const trilingual = again.find((service) => service.ptvId === ids.trilingual)!;
    trilingual.draft.phones[0] = { number: '+358401234568', display: '040 1234568', label: 'Olohuoneen päivystys' };
    trilingual.draft.modified = '2025-07-01T10:00:00';
    again.find((service) => service.ptvId === ids.nulls)!.draft.modified = '2025-07-01T10:00:00';
    const plan = planImport(again, current);
    const changed = plan.services.find((service) => service.ptvId === ids.trilingual)!;
    expect(changed.status).toBe('changed');
    expect(changed.changes).toEqual([
      {
        field: 'phones',
        old: first.services.find((service) => service.ptvId === ids.trilingual)!.draft.phones,
        new: trilingual.draft.phones,
      },
    ]);
    expect(plan.services.find((service) => service.ptvId === ids.nulls)?.status).toBe('unchanged');
  });

  it('a service no longer in PTV is gone; a Swedish name change is its own field', () => {
    const current = draftsOf(first);
    const again = first.services
      .filter((service) => service.ptvId !== ids.crisisLine)
      .map((service) => ({ ptvId: service.ptvId, skipReason: service.reason, draft: structuredClone(service.draft) }));
    again.find((service) => service.ptvId === ids.bothMunicipalities)!.draft.names.sv = 'Kamratstöd för närståendevårdare';
    const plan = planImport(again, current);
    expect(plan.gone.map((draft) => draft.ptvId)).toEqual([ids.crisisLine]);
    expect(plan.services.find((service) => service.ptvId === ids.bothMunicipalities)?.changes).toEqual([
      { field: 'names.sv', old: 'Kamratstödsgrupper för närståendevårdare', new: 'Kamratstöd för närståendevårdare' },
    ]);
  });
});
