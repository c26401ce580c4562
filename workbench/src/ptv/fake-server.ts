import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Test support: a PTV Open API v11 look-alike on 127.0.0.1 that replays fixture files
 * (workbench/test/fixtures/ptv). It answers the four endpoints the importer uses, pages as the
 * fixtures say, and can misbehave on purpose: a gateway 503/504 with an HTML body, or a
 * request that never gets an answer.
 */
export interface FakePtvFaults {
  /** Answer the first n requests whose path+query contains `match` with `status` and an HTML page. */
  failures?: Array<{ match: string; status: 503 | 504; times: number }>;
  /** Never answer requests whose path+query contains this (until the server closes). */
  hang?: string[];
}

export interface FakePtvServer {
  /** e.g. http://127.0.0.1:40123/api/v11 */
  baseUrl: string;
  /** Every request's path and query, in order. */
  requests: string[];
  faults: FakePtvFaults;
  close(): Promise<void>;
}

const GATEWAY_HTML = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status} Gateway Time-out</title></head><body><h1>${status}</h1><p>The server did not respond in time.</p></body></html>`;

interface FixtureSet {
  pages: Map<string, unknown>;
  byId: Map<string, Map<string, unknown>>;
}

function loadFixtures(dir: string): FixtureSet {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const pages = new Map<string, unknown>();
  const services = new Map<string, unknown>();
  for (const code of ['092', '245', '235']) {
    for (let page = 1; ; page += 1) {
      let answer: { itemList: Array<{ id: string }> | null } | undefined;
      try {
        answer = read(`services-${code}-page-${page}.json`) as typeof answer;
      } catch {
        break;
      }
      pages.set(`${code}:${page}`, answer);
      for (const item of answer?.itemList ?? []) services.set(item.id, item);
    }
  }
  const index = (name: string) => new Map((read(name) as Array<{ id: string }>).map((item) => [item.id, item as unknown]));
  return {
    pages,
    byId: new Map([
      ['Service', services],
      ['ServiceChannel', index('channels.json')],
      ['Organization', index('organisations.json')],
    ]),
  };
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export async function startFakePtv(fixturesDir: string, faults: FakePtvFaults = {}): Promise<FakePtvServer> {
  const fixtures = loadFixtures(fixturesDir);
  const requests: string[] = [];
  const hung = new Set<ServerResponse>();
  const state: FakePtvServer['faults'] = faults;

  function answer(request: IncomingMessage, response: ServerResponse): void {
    const target = request.url ?? '/';
    requests.push(target);
    if (state.hang?.some((match) => target.includes(match))) {
      hung.add(response);
      return;
    }
    const failure = state.failures?.find((item) => target.includes(item.match) && item.times > 0);
    if (failure) {
      failure.times -= 1;
      return send(response, failure.status, GATEWAY_HTML(failure.status), 'text/html');
    }
    const url = new URL(target, 'http://localhost');
    const area = /^\/api\/v11\/Service\/list\/area\/Municipality\/code\/([0-9]{3})$/u.exec(url.pathname);
    if (area) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const found = fixtures.pages.get(`${area[1]}:${page}`);
      // PTV answers a page past the end with an empty page of the same count.
      return send(response, 200, found ?? { pageNumber: page, pageSize: 0, pageCount: 0, itemList: null });
    }
    const list = /^\/api\/v11\/(Service|ServiceChannel|Organization)\/list$/u.exec(url.pathname);
    if (list && url.searchParams.has('guids')) {
      const records = fixtures.byId.get(list[1]!)!;
      const ids = (url.searchParams.get('guids') ?? '').split(',').filter(Boolean);
      if (ids.length > 100) return send(response, 400, { guids: ['Max 100 guids'] });
      return send(response, 200, ids.flatMap((id) => records.get(id) ?? []));
    }
    send(response, 404, { message: `no such fake endpoint ${url.pathname}` });
  }

  const server: Server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v11`,
    requests,
    faults: state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hung) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
