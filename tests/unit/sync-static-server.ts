/**
 * A real static HTTP server on 127.0.0.1 for the delta tests (node:http, no mocks): serves any
 * number of files by path (the feed, its deltas, their signatures) with ETags and
 * If-None-Match, each able to misbehave as a real server or network does.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  body: Uint8Array | string;
  contentType?: string;
  status?: number;
  /** Declare the full length, send this many bytes, then cut the connection. */
  truncateAt?: number;
  /** Send chunked without Content-Length. */
  chunked?: boolean;
}

export interface StaticServer {
  /** The base URL, ending in `/`. */
  base: string;
  files: Map<string, StaticFile>;
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(): Promise<StaticServer> {
  const files = new Map<string, StaticFile>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').slice(1);
    requests.push(path);
    // Public, signed data: any origin may read it (the extension's service worker in the bench).
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Expose-Headers', 'ETag');
    const file = files.get(path);
    if (!file) return void response.writeHead(404).end();
    if (file.status && file.status !== 200) return void response.writeHead(file.status).end('error');
    const body = Buffer.from(file.body);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
    const headers: Record<string, string | number> = { 'Content-Type': file.contentType ?? 'application/json; charset=utf-8', ETag: etag };
    if (!file.chunked) headers['Content-Length'] = body.length;
    response.writeHead(200, headers);
    if (file.truncateAt !== undefined) return void response.write(body.subarray(0, file.truncateAt), () => response.destroy());
    if (file.chunked) {
      for (let offset = 0; offset < body.length; offset += 16 * 1024) response.write(body.subarray(offset, offset + 16 * 1024));
      return void response.end();
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    files,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
