/**
 * A real HTTP feed on 127.0.0.1 for the sync tests (node:http, no mocks): serves
 * /catalogue.json with an ETag and honours If-None-Match, /catalogue.json.sig next to it, and
 * can misbehave in each of the ways a real server or network does.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Publication {
  body: Uint8Array | string;
  /** The .sig file's text; null = no signature file (404). */
  signature: string | null;
  contentType?: string;
  status?: number;
  /** Wait this long before answering the catalogue request. */
  delayMs?: number;
  /** Declare the full length, send this many bytes, then cut the connection. */
  truncateAt?: number;
  /** Send chunked without Content-Length (a size cap must then count the stream). */
  chunked?: boolean;
}

export interface FeedServer {
  url: string;
  publish(publication: Publication): void;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  let current: Publication = { body: '{}', signature: null };
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    // Public, signed data: any origin may read it (the extension needs no host permission then).
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Expose-Headers', 'ETag');
    response.setHeader('Access-Control-Allow-Headers', 'If-None-Match');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const body = typeof current.body === 'string' ? Buffer.from(current.body) : Buffer.from(current.body);
    if (request.url === '/catalogue.json.sig') {
      if (current.signature === null) return void response.writeHead(404).end();
      return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(current.signature);
    }
    if (request.url !== '/catalogue.json') return void response.writeHead(404).end();
    const publication = current;
    const answer = () => {
      if (publication.status && publication.status !== 200) return void response.writeHead(publication.status).end('error');
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
      const headers: Record<string, string | number> = { 'Content-Type': publication.contentType ?? 'application/json; charset=utf-8', ETag: etag };
      if (!publication.chunked) headers['Content-Length'] = body.length;
      response.writeHead(200, headers);
      if (publication.truncateAt !== undefined) {
        response.write(body.subarray(0, publication.truncateAt), () => response.destroy());
        return;
      }
      if (publication.chunked) {
        for (let offset = 0; offset < body.length; offset += 64 * 1024) response.write(body.subarray(offset, offset + 64 * 1024));
        return void response.end();
      }
      response.end(body);
    };
    if (publication.delayMs) setTimeout(answer, publication.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/catalogue.json`,
    publish(publication) {
      current = publication;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: a port that was just free. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/catalogue.json`;
}
