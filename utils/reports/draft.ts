import * as z from 'zod/mini';
import { findPersonalIdentityCodesInReport } from './guard-fields';
import { maintainerContactSchema, missingServiceReportSchema, staleContactReportSchema } from './schema';

/*
 * Only the background parses drafts (messages are a trust boundary); the popup and the options
 * page only build them (the type), so this schema lives apart from schema.ts, which they load.
 */

// The form refuses these already; the background checks again because messages are a trust boundary.
// Every string of the draft, alone and joined with each other one (a code split over two fields).
const noPersonalIdentityCode = z.refine((draft: unknown) => findPersonalIdentityCodesInReport(draft).length === 0, {
  message: 'free text contains a Finnish personal identity code',
});

/** What the stale-contact form sends to the background: the report without the parts the background adds. */
const staleContactDraftSchema = z
  .extend(
    z.pick(staleContactReportSchema, {
      region: true,
      catalogueRevision: true,
      serviceId: true,
      serviceName: true,
      organisationId: true,
      organisationName: true,
      field: true,
      suggestion: true,
      comment: true,
    }),
    { maintainer: maintainerContactSchema },
  )
  .check(noPersonalIdentityCode);
export type StaleContactDraft = z.infer<typeof staleContactDraftSchema>;

/**
 * What the "missing service" button sends: the search words, language and filters. The
 * background adds the guessed need concepts (it holds the vocabulary; the popup does not).
 */
export const missingServiceDraftSchema = z
  .extend(
    z.pick(missingServiceReportSchema, { kind: true, region: true, catalogueRevision: true, words: true, language: true, filters: true }),
    { maintainer: maintainerContactSchema },
  )
  .check(noPersonalIdentityCode);
export type MissingServiceDraft = z.infer<typeof missingServiceDraftSchema>;

export const reportDraftSchema = z.union([staleContactDraftSchema, missingServiceDraftSchema]);
export type ReportDraft = z.infer<typeof reportDraftSchema>;
