import * as z from 'zod/mini';
import { findPersonalIdentityCodesInReport } from './guard-fields';
import { maintainerContactSchema, reportSchema } from './schema';

/*
 * Only the background parses drafts (messages are a trust boundary); the popup and the options
 * page only build them (the type), so this schema lives apart from schema.ts, which they load.
 */

/** What the form sends to the background: the report without the parts the background adds. */
export const reportDraftSchema = z
  .extend(
    z.pick(reportSchema, {
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
  // The form refuses these already; the background checks again because messages are a trust boundary.
  .check(
    // Every string of the draft, alone and joined with each other one (a code split over two fields).
    z.refine((draft) => findPersonalIdentityCodesInReport(draft).length === 0, {
      message: 'free text contains a Finnish personal identity code',
    }),
  );
export type ReportDraft = z.infer<typeof reportDraftSchema>;
