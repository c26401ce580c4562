/**
 * A response body read into one buffer, capped (issue 22: the sync in parts reads ~100 parts of
 * a few MB each in the extension's process). A byte stream (fetch's bodies in Chromium, Firefox
 * and Node) is read with a BYOB reader straight into a buffer of the expected size: no chunk is
 * allocated per read and no copy joins them, so a part costs one buffer of its size. Measured in
 * the browser, the chunks of the default reader and the joined copy were ArrayBuffers that V8
 * frees only at its next full collection, and they piled up to ~100 MB at 100,000 services.
 * A stream that is not a byte stream is read chunk by chunk and joined, as before.
 */
export type BodyRead =
  | { ok: true; body: Uint8Array<ArrayBuffer>; bytes: number }
  | { ok: false; reason: 'tooLarge' | 'truncated'; detail: string; bytes: number };

/** How much more is read at a time when the size is not known or more comes than expected. */
const STEP = 64 * 1024;
const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

/** `expected`: the size the body should have (Content-Length when it tells), or null; only a hint for the buffer. */
export async function readBody(stream: ReadableStream<Uint8Array>, maxBytes: number, expected: number | null): Promise<BodyRead> {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = stream.getReader({ mode: 'byob' });
  } catch {
    return readChunks(stream.getReader(), maxBytes);
  }
  const tooLarge = async (bytes: number): Promise<BodyRead> => {
    await reader.cancel().catch(() => undefined);
    return { ok: false, reason: 'tooLarge', detail: `more than ${maxBytes} bytes`, bytes };
  };
  let buffer = new ArrayBuffer(Math.max(1, Math.min(maxBytes, expected && expected > 0 ? expected : STEP)));
  let bytes = 0;
  try {
    for (;;) {
      if (bytes < buffer.byteLength) {
        // The reader takes the buffer over and hands it back in the view it resolves with.
        const step = await reader.read(new Uint8Array(buffer, bytes, buffer.byteLength - bytes));
        if (!step.value) return { ok: false, reason: 'truncated', detail: 'the body was cancelled', bytes };
        buffer = step.value.buffer as ArrayBuffer;
        if (step.done) break;
        bytes += step.value.byteLength;
        continue;
      }
      // Full: the end, or more than expected (then a bigger buffer, within the cap).
      const probe = await reader.read(new Uint8Array(new ArrayBuffer(STEP)));
      if (probe.done) break;
      if (bytes + probe.value.byteLength > maxBytes) return tooLarge(bytes + probe.value.byteLength);
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(buffer.byteLength * 2, bytes + probe.value.byteLength)));
      grown.set(new Uint8Array(buffer, 0, bytes));
      grown.set(probe.value, bytes);
      buffer = grown.buffer;
      bytes += probe.value.byteLength;
    }
  } catch (error) {
    return { ok: false, reason: 'truncated', detail: messageOf(error), bytes };
  }
  // Exactly the expected size: the buffer itself; otherwise an exact copy (no slack kept).
  const body = bytes === buffer.byteLength ? new Uint8Array(buffer) : new Uint8Array(buffer.slice(0, bytes));
  return { ok: true, body, bytes };
}

async function readChunks(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<BodyRead> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (error) {
      return { ok: false, reason: 'truncated', detail: messageOf(error), bytes };
    }
    if (step.done) break;
    bytes += step.value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'tooLarge', detail: `more than ${maxBytes} bytes`, bytes };
    }
    chunks.push(step.value);
  }
  const body = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body, bytes };
}
