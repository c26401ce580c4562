import * as z from 'zod/mini';
import { AUDIENCES, LANGUAGES } from '../catalogue/schema';
import { endpointUrlSchema } from '../net/endpoint-url';
import { ANSWER_STATES, REPLY_MAX, statusTokenSchema } from './answer';

/**
 * Two kinds of report travel through the one outbox: a stale-contact report (below, without a
 * `kind`, as it was first published) and a missing-service report (`kind: "missing-service"`).
 *
 * A stale-contact report: what the extension POSTs to the maintainer's endpoint (and writes
 * into the fallback e-mail). It names a public catalogue record and what is wrong with it;
 * it never holds a patient detail, a search query or who the nurse is.
 * `data/report.schema.json` is generated from `reportSchema` (json-schema.ts; a unit test keeps them equal).
 */
export const REPORT_FIELDS = ['phone', 'email', 'address', 'website', 'hours', 'ended', 'other'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export const SUGGESTION_MAX = 300;
export const COMMENT_MAX = 1000;

/** A catalogue id; a new schema for each field, so that json-schema.ts can describe each. */
const recordId = () => z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(200));

// What each field means is written in json-schema.ts, for data/report.schema.json: the popup,
// which validates reports, does not carry that prose.
export const staleContactReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  region: recordId(),
  catalogueRevision: z.int().check(z.nonnegative()),
  serviceId: recordId(),
  serviceName: z.string().check(z.minLength(1), z.maxLength(300)),
  organisationId: recordId(),
  organisationName: z.string().check(z.minLength(1), z.maxLength(300)),
  field: z.enum(REPORT_FIELDS),
  suggestion: z.optional(z.string().check(z.minLength(1), z.maxLength(SUGGESTION_MAX))),
  comment: z.optional(z.string().check(z.minLength(1), z.maxLength(COMMENT_MAX))),
  extensionVersion: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type StaleContactReport = z.infer<typeof staleContactReportSchema>;

export const MISSING_SERVICE = 'missing-service';
export const WORDS_MAX = 200;
const REPORT_LANGUAGES = ['fi', 'sv', 'en'] as const;

/**
 * A missing-service report: the nurse searched, nothing answered her need directly, and she
 * pressed "Ilmoita puuttuva palvelu / hakusana". It carries the search words (after the
 * henkilötunnus guard), the UI language, the need concepts the extension's vocabulary guessed
 * from the words (maybe none) and the filters that were on: no patient data, no service, no
 * one's identity.
 */
export const missingServiceReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal(MISSING_SERVICE),
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  region: recordId(),
  catalogueRevision: z.int().check(z.nonnegative()),
  words: z.string().check(z.regex(/\S/), z.maxLength(WORDS_MAX)),
  language: z.enum(REPORT_LANGUAGES),
  guessedConcepts: z.array(z.string().check(z.regex(/^[a-z0-9-]+$/), z.maxLength(100))).check(z.maxLength(10)),
  filters: z.strictObject({
    city: z.optional(z.enum(['vantaa', 'kerava'])),
    category: z.optional(recordId()),
    audience: z.optional(z.enum(AUDIENCES)),
    language: z.optional(z.enum(LANGUAGES)),
    openNow: z.optional(z.literal(true)),
  }),
  extensionVersion: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type MissingServiceReport = z.infer<typeof missingServiceReportSchema>;
export type MissingServiceFilters = MissingServiceReport['filters'];

/** Every report the outbox holds and an endpoint receives. */
export const reportSchema = z.union([staleContactReportSchema, missingServiceReportSchema]);
export type Report = z.infer<typeof reportSchema>;

export function isMissingServiceReport(report: Report): report is MissingServiceReport {
  return 'kind' in report && report.kind === MISSING_SERVICE;
}

/** The catalogue facts the popup attaches: who maintains it, and where reports go. */
export const maintainerContactSchema = z.strictObject({
  /** Whom to tell when no address is set (issue14: the address is a deployment setting). */
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  email: z.optional(z.email()),
  reportUrl: z.optional(endpointUrlSchema),
});
export type MaintainerContact = z.infer<typeof maintainerContactSchema>;

/** Where a report is in its life. Times are milliseconds since the epoch (the injected clock's). */
export const reportStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('pending'), nextAttemptAt: z.number(), lastError: z.optional(z.string()) }),
  z.strictObject({ status: z.literal('delivered'), deliveredAt: z.number() }),
  z.strictObject({ status: z.literal('failed'), failedAt: z.number(), reason: z.string() }),
  z.strictObject({ status: z.literal('handed-to-email'), handedAt: z.number(), to: z.email() }),
]);
export type ReportState = z.infer<typeof reportStateSchema>;
export type ReportStatus = ReportState['status'];

/**
 * What the maintainer's end says about a delivered report (utils/reports/answer.ts), and how to
 * ask again. Only a report whose endpoint gave a status token has one.
 */
export const followUpSchema = z.strictObject({
  /** Derived from the address the report was delivered to (statusUrlFor). */
  statusUrl: endpointUrlSchema,
  token: statusTokenSchema,
  state: z.enum(ANSWER_STATES),
  reply: z.nullable(z.string().check(z.maxLength(REPLY_MAX))),
  /** The last answer received (injected clock, ms); null = never asked yet. */
  checkedAt: z.nullable(z.number()),
  /** When the state or the reply last changed, as the extension learned it. */
  changedAt: z.nullable(z.number()),
  /** A new state or reply the nurse has not seen in "Omat ilmoitukset" yet. */
  unseen: z.boolean(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const outboxEntrySchema = z.strictObject({
  report: reportSchema,
  maintainer: maintainerContactSchema,
  attempts: z.int().check(z.nonnegative()),
  state: reportStateSchema,
  /** null: not followed (not delivered yet, e-mailed, delivered before v2, or the endpoint gives no token). */
  followUp: z.nullable(followUpSchema),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/**
 * An outbox entry this version cannot read (written by an older or a newer version, or damaged).
 * It is kept as it was, never dropped, and shown on the options page.
 */
export interface QuarantinedEntry {
  raw: unknown;
  /** The first problem, e.g. `state.status: Invalid input`. */
  problem: string;
  /** What could still be read of it, for the list (a missing-service report's words). */
  serviceName?: string;
  createdAt?: string;
}

export interface OutboxReading {
  entries: OutboxEntry[];
  quarantined: QuarantinedEntry[];
}

function readableString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;
}

function quarantine(raw: unknown, problem: string): QuarantinedEntry {
  const report = typeof raw === 'object' && raw !== null ? (raw as { report?: Record<string, unknown> }).report : undefined;
  const summary = typeof report === 'object' && report !== null ? report : {};
  const serviceName = readableString(summary.serviceName, 300) ?? readableString(summary.words, 300);
  const createdAt = readableString(summary.createdAt, 40);
  return { raw, problem, ...(serviceName ? { serviceName } : {}), ...(createdAt ? { createdAt } : {}) };
}

/** Storage is a trust boundary: what parses is used, what does not is kept aside, never lost. */
export function readOutbox(stored: unknown): OutboxReading {
  if (stored === undefined || stored === null) return { entries: [], quarantined: [] };
  if (!Array.isArray(stored)) return { entries: [], quarantined: [quarantine(stored, 'the stored outbox is not a list')] };
  const reading: OutboxReading = { entries: [], quarantined: [] };
  for (const entry of stored) {
    const parsed = outboxEntrySchema.safeParse(entry);
    if (parsed.success) reading.entries.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      reading.quarantined.push(quarantine(entry, issue ? `${issue.path.join('.') || '(entry)'}: ${issue.message}` : 'unreadable'));
    }
  }
  return reading;
}

/** The entries this version can read (the quarantined ones are in `readOutbox`). */
export function parseOutbox(stored: unknown): OutboxEntry[] {
  return readOutbox(stored).entries;
}
