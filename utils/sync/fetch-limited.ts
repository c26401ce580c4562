import { readBody } from './read-body';
import type { SyncFailure } from './reasons';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchLimits {
  /** For the whole exchange, headers and body. */
  timeoutMs: number;
  maxBytes: number;
  /** Accepted media types (parameters such as charset are ignored); undefined = any. */
  contentTypes?: readonly string[];
}

export type FetchResult =
  | { kind: 'notModified'; bytes: number }
  | { kind: 'body'; body: Uint8Array<ArrayBuffer>; etag: string | null; bytes: number }
  | { kind: 'notFound'; bytes: number }
  | { kind: 'failed'; reason: SyncFailure; detail: string; bytes: number };

/**
 * A conditional GET with a deadline and a size cap. The request carries nothing but the URL
 * and If-None-Match: no cookies, no referrer (privacy). The body is streamed and counted (utils/sync/read-body.ts), so an
 * oversized or endless response is cut off early instead of filling memory.
 */
export async function fetchLimited(fetchFn: FetchLike, url: string, limits: FetchLimits, etag?: string | null): Promise<FetchResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  let bytes = 0;
  const failed = (reason: SyncFailure, detail: string): FetchResult => ({ kind: 'failed', reason: timedOut ? 'timeout' : reason, detail, bytes });
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: 'GET',
        headers: etag ? { 'If-None-Match': etag } : {},
        signal: controller.signal,
        // Our own conditional GET decides; the HTTP cache must not answer for the server.
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
      });
    } catch (error) {
      return failed('networkError', String((error as Error)?.message ?? error));
    }
    if (response.status === 304) return { kind: 'notModified', bytes };
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'notFound', bytes };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return failed('httpError', `HTTP ${response.status}`);
    }
    if (limits.contentTypes) {
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!limits.contentTypes.includes(type)) {
        await response.body?.cancel().catch(() => undefined);
        return failed('wrongContentType', type || '(none)');
      }
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return failed('tooLarge', `Content-Length ${declared} > ${limits.maxBytes}`);
    }
    if (!response.body) return failed('truncated', 'no body');
    // Content-Length counts the bytes on the wire: with a Content-Encoding (gzip objects on
    // S3/CloudFront, nginx gzip_static) it is the compressed size, not what the stream decodes,
    // and a CORS response may hide that header, so lengths are compared only for an unencoded,
    // fully visible response. A cut connection still fails the stream below, and the signature
    // fails any body that is not whole.
    const encoded = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase() !== 'identity';
    const comparable = !encoded && response.type !== 'cors';
    // Content-Length, where it counts the decoded bytes, is the buffer's size (only a hint: the
    // cap and the checks below decide).
    const read = await readBody(response.body, limits.maxBytes, !encoded && Number.isFinite(declared) ? declared : null);
    bytes = read.bytes;
    if (!read.ok) return failed(read.reason, read.detail);
    if (comparable && Number.isFinite(declared) && bytes < declared) return failed('truncated', `${bytes} of ${declared} bytes`);
    const body = read.body;
    return { kind: 'body', body, etag: response.headers.get('etag'), bytes };
  } finally {
    clearTimeout(timer);
  }
}
