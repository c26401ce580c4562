import type { MissingServiceDraft, StaleContactDraft } from '@/utils/reports/draft';
import type { StaleContactReport } from '@/utils/reports/schema';

/** A form submission as the popup sends it (public catalogue facts plus the nurse's remark). */
export function draft(overrides: Partial<StaleContactDraft> = {}): StaleContactDraft {
  return {
    region: 'vake',
    catalogueRevision: 3,
    serviceId: 'omaishoitajien-vertaistuki',
    serviceName: 'Omaishoitajien vertaistukiryhmät',
    organisationId: 'paakaupunkiseudun-omaishoitajat',
    organisationName: 'Pääkaupunkiseudun Omaishoitajat ry',
    field: 'phone',
    suggestion: '09 1234 5678',
    comment: 'Numero ei ole enää käytössä.',
    maintainer: { email: 'jarjestoyhteistyo@vakehyva.fi' },
    ...overrides,
  };
}

/** Valid henkilötunnus examples, one per century sign (checksums computed by hand from the rule). */
export const VALID_CODES: Record<string, string> = {
  '+': '311299+050U',
  '-': '010594-9021',
  Y: '010594Y9021',
  X: '010594X9021',
  W: '010594W9021',
  V: '010594V9021',
  U: '010594U9021',
  A: '150105A123R',
  B: '150105B123R',
  C: '150105C123R',
  D: '150105D123R',
  E: '150105E123R',
  F: '150105F123R',
};

/** A complete report as the background stores and sends it (the draft's facts, a comment with & and ?). */
export const REPORT: StaleContactReport = (() => {
  const { maintainer: _maintainer, ...facts } = draft({ comment: 'Numero ei vastaa & ryhmä siirtyi?' });
  return { schemaVersion: 1, id: '0f8c3b4e-2a1d-4c5e-9f60-7a8b9c0d1e2f', createdAt: '2026-11-22T10:15:00.000Z', ...facts, extensionVersion: '0.1.0' };
})();

/** What the "missing service" button sends: search words, language, filters; no patient data. */
export function missingDraft(overrides: Partial<MissingServiceDraft> = {}): MissingServiceDraft {
  return {
    kind: 'missing-service',
    region: 'vake',
    catalogueRevision: 3,
    words: 'kirjekyyhkyjen hoitoapu',
    language: 'fi',
    filters: { city: 'vantaa' },
    maintainer: { email: 'jarjestoyhteistyo@vakehyva.fi' },
    ...overrides,
  };
}
