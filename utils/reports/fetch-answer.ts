import { reportAnswerSchema, type ReportAnswer } from './answer';
import type { Fetch } from './delivery';

export type AnswerOutcome =
  | { kind: 'answer'; answer: ReportAnswer }
  /** Offline, a timeout, a refusal (404, 429, 5xx …) or a reply that is not the contract's: keep what is known, ask later. */
  | { kind: 'unavailable'; reason: string };

const ANSWER_TIMEOUT_MS = 20_000;
const ANSWER_MAX_CHARS = 8_000;

/**
 * Asks an endpoint where one report is. The request carries only the report's own token (in a
 * header, never in the address, so it is not written to access logs): no report text, no
 * cookies, no patient data. Never throws.
 */
export async function fetchReportAnswer(
  statusUrl: string,
  id: string,
  token: string,
  fetchFn: Fetch,
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<AnswerOutcome> {
  let response: Response;
  try {
    response = await fetchFn(statusUrl, {
      method: 'GET',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      credentials: 'omit',
      // The token must not follow a redirect to another address.
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'unavailable', reason: error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'unavailable', reason: `HTTP ${response.status}` };
  }
  let parsed: ReturnType<typeof reportAnswerSchema.safeParse>;
  try {
    parsed = reportAnswerSchema.safeParse(JSON.parse((await response.text()).slice(0, ANSWER_MAX_CHARS)));
  } catch {
    return { kind: 'unavailable', reason: 'not JSON' };
  }
  if (!parsed.success) return { kind: 'unavailable', reason: 'not a report answer' };
  // An answer about another report is no answer about this one.
  if (parsed.data.id !== id) return { kind: 'unavailable', reason: 'answer for another report' };
  return { kind: 'answer', answer: parsed.data };
}
