/**
 * A catalogue service (and, when needed, its organisation) made from an accepted PTV draft.
 * Only the accepted values go in; what a catalogue record needs and PTV did not say (a
 * category, a description) has to be given by the maintainer, or the schema refuses the save.
 * Never verified: `verifiedAt` stays null until a maintainer confirms the facts herself.
 */
import type { PtvDraft } from '../map/record';
import { applyFields } from './fields';

/** An id the catalogue schema accepts: lower-case ASCII letters, digits and single hyphens. */
export function slugId(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '') || 'ptv';
}

export function newOrganisationRecord(draft: PtvDraft, id: string, sourceUrl: string): Record<string, unknown> {
  const { sv, en } = draft.organisation.names;
  return {
    id,
    name: draft.organisation.name,
    names: { ...(sv ? { sv } : {}), ...(en ? { en } : {}) },
    phones: [],
    addresses: [],
    keywords: [],
    verifiedAt: null,
    verifiedFields: [],
    sources: [sourceUrl],
  };
}

export function newServiceRecord(
  base: { id: string; organisationId: string; categories?: string[] },
  accepted: ReadonlyArray<{ field: string; value: unknown }>,
  sourceUrl: string,
): Record<string, unknown> {
  const empty: Record<string, unknown> = {
    id: base.id,
    organisationId: base.organisationId,
    names: {},
    categories: base.categories ?? [],
    targetGroups: [],
    audiences: [],
    keywords: [],
    languages: [],
    channels: [],
    cost: 'unknown',
    referral: 'unknown',
    areas: [],
    status: 'active',
    phones: [],
    addresses: [],
    verifiedAt: null,
    verifiedFields: [],
    sources: [],
  };
  const fields = base.categories?.length ? accepted.filter(({ field }) => field !== 'categories') : accepted;
  return applyFields(empty, fields, sourceUrl);
}
