import type { ReportDraft } from '@/utils/reports/schema';

/** A form submission as the popup sends it (public catalogue facts plus the nurse's remark). */
export function draft(overrides: Partial<ReportDraft> = {}): ReportDraft {
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
