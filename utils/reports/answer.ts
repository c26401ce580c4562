import * as z from 'zod/mini';

/**
 * "The nurse hears back": the contract between an endpoint and the extension for reading ONE
 * report's state and the maintainer's reply (docs/reports-endpoint.md). Shared by the workbench
 * (which answers) and the extension (which asks), so both check the same shape.
 *
 * The endpoint hands out a status token when it confirms a report: `{"id", "statusToken"}`.
 * Only that token (in `Authorization: Bearer …`) reads that report's answer; the endpoint keeps a
 * hash of it. The extension sends nothing else: no report text, no patient data, no identity.
 */

/** 128 bits at least: 22 base64url characters; the workbench issues 43 (256 bits). */
export const STATUS_TOKEN_MIN_CHARS = 22;
export const statusTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.minLength(STATUS_TOKEN_MIN_CHARS), z.maxLength(200));

/** What a maintainer's reply may be: plain text, this long at most. */
export const REPLY_MAX = 1000;

/**
 * Where a report is at the maintainer's end. `received`: in the inbox, not closed yet;
 * `fixed`: closed, the catalogue corrected; `not-a-problem`: closed without a change.
 */
export const ANSWER_STATES = ['received', 'fixed', 'not-a-problem'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];
/** Closed reports: nothing more will change, so the extension stops asking. */
export const FINAL_ANSWER_STATES: readonly AnswerState[] = ['fixed', 'not-a-problem'];

/** The status route's answer, `GET <report endpoint>/<id>/status`. */
export const reportAnswerSchema = z.strictObject({
  id: z.uuid(),
  state: z.enum(ANSWER_STATES),
  /** The maintainer's reply to the nurse, plain text; null when there is none. */
  reply: z.nullable(z.string().check(z.maxLength(REPLY_MAX))),
  closedAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

/**
 * The status address of a report, derived from the address it was delivered to:
 * `https://wb.example/api/reports` → `https://wb.example/api/reports/<id>/status` (a query string stays).
 */
export function statusUrlFor(reportEndpoint: string, id: string): string {
  const url = new URL(reportEndpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}/status`;
  url.hash = '';
  return url.toString();
}
