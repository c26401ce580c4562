import { PtvSourceError } from './source';

export interface HttpOptions {
  fetch?: typeof globalThis.fetch;
  /** Per request, including a body that never ends. */
  timeoutMs?: number;
  /** Tries after the first one, on 503/504/502/429 and network errors or timeouts. */
  retries?: number;
  /** Backoff before retry n (0-based) is random in [0, baseDelayMs · 2^n] ("full jitter"), capped. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  headers?: Record<string, string>;
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a retry waits: "full jitter" exponential backoff, so many importers never retry in step. */
export function backoffDelay(attempt: number, options: Pick<HttpOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs ?? 30_000, (options.baseDelayMs ?? 500) * 2 ** attempt);
  return Math.round((options.random ?? Math.random)() * ceiling);
}

/**
 * GET a JSON document. PTV's gateway answers 503/504 with an HTML page, so the body is read as
 * JSON only after a 2xx; those statuses, and hung or dropped connections, are retried with
 * backoff. Other 4xx/5xx fail at once: repeating a bad request does not mend it.
 */
export async function getJson(url: string, options: HttpOptions = {}): Promise<unknown> {
  const retries = options.retries ?? 4;
  const doFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  let lastProblem = '';
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    if (attempt > 0) await sleep(backoffDelay(attempt - 1, options));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
    try {
      const response = await doFetch(url, { headers: { accept: 'application/json', ...options.headers }, signal: controller.signal });
      if (response.ok) {
        const body = await response.text();
        try {
          return JSON.parse(body);
        } catch {
          throw new PtvSourceError(`PTV answered ${response.status} with a body that is not JSON`, url, response.status);
        }
      }
      await response.body?.cancel().catch(() => undefined);
      lastProblem = `HTTP ${response.status}`;
      if (!RETRIED_STATUSES.has(response.status)) throw new PtvSourceError(`PTV answered ${response.status}`, url, response.status);
    } catch (error) {
      if (error instanceof PtvSourceError) throw error;
      lastProblem = controller.signal.aborted ? `no answer within ${options.timeoutMs ?? 30_000} ms` : String((error as Error).message ?? error);
    } finally {
      clearTimeout(timer);
    }
  }
  throw new PtvSourceError(`PTV did not answer after ${retries + 1} tries (last: ${lastProblem})`, url);
}
