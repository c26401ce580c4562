import { diffFields, type FieldChange } from './diff';
import type { MappedService } from './map/map-service';
import type { PtvDraft } from './map/record';

type ImportStatus = 'new' | 'changed' | 'unchanged' | 'skipped';

/** What the workbench holds for a PTV service from the last import (the DB layer supplies it). */
export interface CurrentDraft {
  ptvId: string;
  /** The draft as mapped by the last import. */
  draft: PtvDraft;
  /** PTV's `modified` at that import. */
  modified: string | null;
}

interface PlannedService {
  ptvId: string;
  status: ImportStatus;
  reason?: string;
  draft: PtvDraft;
  /** For `changed`: every field that differs, old → new. */
  changes: FieldChange[];
}

export interface ImportPlan {
  services: PlannedService[];
  /** Drafts whose PTV service no longer came in this run (withdrawn, or moved out of the municipalities). */
  gone: CurrentDraft[];
}

/** `modified` moves on every save in PTV, even one that changes nothing the catalogue keeps. */
const PROVENANCE = new Set(['modified']);

/**
 * Classifies this run's services against the current drafts: new (no draft yet), changed (a
 * field differs), unchanged, skipped (not an NGO's; never compared). Pure: the caller stores.
 */
export function planImport(mapped: readonly MappedService[], current: ReadonlyMap<string, CurrentDraft>): ImportPlan {
  const seen = new Set<string>();
  const services = mapped.map((service): PlannedService => {
    seen.add(service.ptvId);
    if (service.skipReason) return { ptvId: service.ptvId, status: 'skipped', reason: service.skipReason, draft: service.draft, changes: [] };
    const previous = current.get(service.ptvId);
    if (!previous) return { ptvId: service.ptvId, status: 'new', draft: service.draft, changes: [] };
    const changes = diffFields(previous.draft, service.draft, PROVENANCE);
    return { ptvId: service.ptvId, status: changes.length > 0 ? 'changed' : 'unchanged', draft: service.draft, changes };
  });
  const gone = [...current.values()].filter((draft) => !seen.has(draft.ptvId));
  return { services, gone };
}

export interface ImportSummary {
  new: number;
  changed: number;
  unchanged: number;
  skipped: number;
  services: Array<{
    ptvId: string;
    status: ImportStatus;
    reason?: string;
    names: { fi: string | null; sv: string | null; en: string | null };
    organisation: string;
    phones: string[];
    emails: string[];
    webPages: string[];
    addresses: Array<{ street: string | null; postalCode: string | null; city: string; lat: number | null; lon: number | null }>;
    hasOpeningHours: boolean;
    municipalities: string[];
  }>;
}

/** The object `import-ptv --json` prints (issue 21, item 1), field for field. */
export function summarise(plan: ImportPlan): ImportSummary {
  const count = (status: ImportStatus) => plan.services.filter((service) => service.status === status).length;
  return {
    new: count('new'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    services: plan.services.map(({ ptvId, status, reason, draft }) => ({
      ptvId,
      status,
      ...(reason ? { reason } : {}),
      names: { fi: draft.names.fi ?? null, sv: draft.names.sv ?? null, en: draft.names.en ?? null },
      organisation: draft.organisation.name,
      phones: draft.phones.map((phone) => phone.number),
      emails: draft.emails,
      webPages: draft.webPages,
      addresses: draft.addresses.map((address) => ({
        street: address.street ?? null,
        postalCode: address.postalCode ?? null,
        city: address.city,
        lat: address.lat ?? null,
        lon: address.lon ?? null,
      })),
      hasOpeningHours: draft.hours !== undefined,
      municipalities: draft.municipalities,
    })),
  };
}
