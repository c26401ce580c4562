import * as z from 'zod/mini';
import { statusTokenSchema } from './answer';
import type { Report } from './schema';

/** What one POST of a report came to. */
export type DeliveryOutcome =
  /** Stored. `statusToken`: the endpoint's key to this report's answer (docs/reports-endpoint.md), if it gives one. */
  | { kind: 'delivered'; statusToken?: string }
  /** Worth trying again later: the network, a timeout, 408, 429 or 5xx (maybe with the endpoint's Retry-After). */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** The endpoint refused this report (a 4xx other than 408 and 429): do not repeat it on its own. */
  | { kind: 'final'; reason: string };

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Reasons without an HTTP status; the UI words them in the nurse's language. */
export const NETWORK_ERROR = 'network error';
export const TIMEOUT = 'timeout';
export const NO_ENDPOINT = 'no report endpoint configured';
/** A 2xx whose body is not `{"id": "<report id>"}`: e.g. a proxy's or hotel network's login page. */
export const NOT_CONFIRMED = 'the endpoint did not confirm the report';
/** The endpoint answered with a redirect: the report is not handed to another address. */
export const REDIRECTED = 'the endpoint redirected the report elsewhere';

/** Only a reply that echoes the report id counts as delivered (the intake contract). */
const confirmationSchema = z.object({ id: z.string(), statusToken: z.optional(z.unknown()) });
const CONFIRMATION_MAX_CHARS = 4_000;

const DELIVERY_TIMEOUT_MS = 20_000;
const REASON_MAX = 200;

/** A JSON error body is optional and untrusted: only a short string is kept from it. */
const errorBodySchema = z.union([
  z.pipe(z.object({ error: z.string() }), z.transform((body: { error: string }) => body.error)),
  z.pipe(z.object({ message: z.string() }), z.transform((body: { message: string }) => body.message)),
  z.pipe(z.object({ error: z.object({ message: z.string() }) }), z.transform((body: { error: { message: string } }) => body.error.message)),
]);

/** Retry-After as seconds or an HTTP date (RFC 9110); anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

async function reasonFrom(response: Response): Promise<string> {
  let detail = '';
  try {
    const text = (await response.text()).slice(0, 4_000);
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    detail = parsed.success ? parsed.data : '';
  } catch {
    // Not JSON or no body: the status line says enough.
  }
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return (detail ? `${status}: ${detail.replace(/\s+/g, ' ').trim()}` : status).slice(0, REASON_MAX);
}

/**
 * POSTs one report as JSON. The Idempotency-Key is the report id, so a repeat after a lost
 * reply is recognisable by the endpoint. Never throws: every failure becomes an outcome.
 */
export async function deliverReport(
  report: Report,
  url: string,
  fetchFn: Fetch,
  now: number,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<DeliveryOutcome> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': report.id },
      body: JSON.stringify(report),
      // Credentials would tie the report to the nurse's logins on that site: never send them.
      credentials: 'omit',
      // A redirect must not silently hand the report to another address: not followed, final.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { kind: 'retry', reason: name === 'TimeoutError' ? TIMEOUT : NETWORK_ERROR };
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'final', reason: REDIRECTED };
  }
  if (response.ok) {
    // A 200 alone proves nothing (a captive portal answers 200 too): the body must echo the id.
    let confirmation: z.infer<typeof confirmationSchema> | undefined;
    try {
      const parsed = confirmationSchema.safeParse(JSON.parse((await response.text()).slice(0, CONFIRMATION_MAX_CHARS)));
      confirmation = parsed.success ? parsed.data : undefined;
    } catch {
      confirmation = undefined;
    }
    if (confirmation?.id !== report.id) return { kind: 'retry', reason: NOT_CONFIRMED };
    // A token too short to be unguessable is not kept: that report is simply not followed.
    const token = statusTokenSchema.safeParse(confirmation.statusToken);
    return token.success ? { kind: 'delivered', statusToken: token.data } : { kind: 'delivered' };
  }
  const reason = await reasonFrom(response);
  if (!isRetryableStatus(response.status)) return { kind: 'final', reason };
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
  return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs };
}

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 6 * 60 * 60_000;

/**
 * Exponential back-off with jitter: about 1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd …
 * failed attempt, capped at 6 hours, each delay drawn from its upper half so that many
 * browsers coming back online together do not hit the endpoint in step.
 * `random` is in [0, 1).
 */
export function backoffDelay(failedAttempts: number, random: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
