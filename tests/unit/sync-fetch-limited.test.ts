/**
 * fetchLimited reads a body of known length straight into one buffer (the sync in parts fetches
 * each part so, issue 22): the bytes must come out exactly as sent however the stream chunks
 * them, with or without Content-Length, and a body longer than its Content-Length is still read
 * whole (then the caller's checks decide), never cut to the declared length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLimited } from '@/utils/sync/fetch-limited';
import { startStaticServer, type StaticServer } from './sync-static-server';

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer();
});
afterAll(() => server.close());

const limits = { timeoutMs: 5_000, maxBytes: 4_000_000 };
/** 1.5 MB that no two offsets share a pattern of: a misplaced chunk shows. */
const body = Uint8Array.from({ length: 1_500_000 }, (_, at) => (at * 7 + (at >> 11)) & 0xff);

describe('fetchLimited', () => {
  it('reads a body with Content-Length (many chunks) into exactly its bytes', async () => {
    server.files.set('known.bin', { body, contentType: 'application/octet-stream' });
    const result = await fetchLimited(fetch, `${server.base}known.bin`, limits);
    expect(result.kind).toBe('body');
    if (result.kind !== 'body') return;
    expect(result.bytes).toBe(body.byteLength);
    expect(result.body.byteLength).toBe(body.byteLength);
    expect(Buffer.from(result.body).equals(Buffer.from(body))).toBe(true);
  });

  it('reads a chunked body without Content-Length into exactly its bytes', async () => {
    server.files.set('chunked.bin', { body, contentType: 'application/octet-stream', chunked: true });
    const result = await fetchLimited(fetch, `${server.base}chunked.bin`, limits);
    expect(result.kind === 'body' && Buffer.from(result.body).equals(Buffer.from(body))).toBe(true);
  });

  it.each(['bytes', 'default'] as const)('a body longer than its Content-Length is read whole, not cut to the declared length (%s stream)', async (type) => {
    const chunks = [body.subarray(0, 1000), body.subarray(1000, 2500), body.subarray(2500, 4000)];
    const pull = (controller: ReadableByteStreamController | ReadableStreamDefaultController<Uint8Array>) => {
      const next = chunks.shift();
      if (next) return controller.enqueue(next.slice());
      controller.close();
      // A byte source answers a pending BYOB read at its end (as a fetch body does).
      if ('byobRequest' in controller) controller.byobRequest?.respond(0);
    };
    const stream = type === 'bytes' ? new ReadableStream({ type: 'bytes', pull }) : new ReadableStream<Uint8Array>({ pull });
    const lying = async () => new Response(stream, { status: 200, headers: { 'content-length': '1500' } });
    const result = await fetchLimited(lying, 'https://feed.invalid/part.json', limits);
    expect(result.kind).toBe('body');
    if (result.kind !== 'body') return;
    expect(result.bytes).toBe(4000);
    expect(Buffer.from(result.body).equals(Buffer.from(body.subarray(0, 4000)))).toBe(true);
  });

  it('a body past the cap is "tooLarge", also when it does not say its length', async () => {
    server.files.set('big.bin', { body, contentType: 'application/octet-stream', chunked: true });
    const result = await fetchLimited(fetch, `${server.base}big.bin`, { ...limits, maxBytes: 1_000_000 });
    expect(result.kind === 'failed' && result.reason).toBe('tooLarge');
  });

  it('a body shorter than its Content-Length is "truncated"', async () => {
    server.files.set('cut.bin', { body, contentType: 'application/octet-stream', truncateAt: 600_000 });
    const result = await fetchLimited(fetch, `${server.base}cut.bin`, limits);
    expect(result.kind).toBe('failed');
    if (result.kind === 'failed') expect(result.reason).toBe('truncated');
  });
});
