/**
 * A report endpoint on 127.0.0.1, behaving as the README asks a real one to: CORS for the
 * extension's origin (preflight included), the body checked against data/report.schema.json,
 * each report stored once per Idempotency-Key (a repeat gets 200, not a second record).
 * Tests can script the next replies (e.g. 503, 503) and take it down and up on the same port.
 * With `statusTokens` it also follows the "hearing back" contract (docs/reports-endpoint.md): each
 * stored report gets a token, and `GET /reports/<id>/status` with `Authorization: Bearer <token>`
 * answers its state and reply (set by the test with `answer()`); anything else is 404.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '..', 'data', 'report.schema.json');

export interface ReceivedRequest {
  method: string;
  idempotencyKey: string | undefined;
  origin: string | undefined;
}

export interface StatusRequest {
  id: string;
  authorization: string | undefined;
  /** The whole request line's target, to prove no token travels in the address. */
  url: string;
  /** What else came with it: the extension sends nothing but the token. */
  body: string;
}

export interface ServerAnswer {
  state: string;
  reply: string | null;
  closedAt: string | null;
}

export class ReportServer {
  /** Status requests that reached the server, in order. */
  readonly statusRequests: StatusRequest[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly answers = new Map<string, ServerAnswer>();
  private readonly scriptedStatus: Array<{ status: number; body?: unknown }> = [];

  constructor(private readonly options: { statusTokens?: boolean } = {}) {}

  /** The maintainers' answer to report `id` from now on. */
  answer(id: string, answer: ServerAnswer): void {
    this.answers.set(id, answer);
  }

  /** The next status requests get these replies (e.g. a malformed body), then normal service resumes. */
  failNextStatus(...replies: Array<{ status: number; body?: unknown }>): void {
    this.scriptedStatus.push(...replies);
  }

  /** Reports stored, one per Idempotency-Key, in arrival order. */
  readonly reports: unknown[] = [];
  /** Every POST that reached the server, answered or not. */
  readonly posts: ReceivedRequest[] = [];
  private readonly keys = new Set<string>();
  private readonly scripted: Array<{ status: number; body?: unknown; headers?: Record<string, string> }> = [];
  private readonly validate = new Ajv2020({ validateFormats: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  private server: Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/reports`;
  }

  /** The next POSTs get these replies (then normal service resumes). */
  failNext(...replies: Array<number | { status: number; body?: unknown; headers?: Record<string, string> }>): void {
    this.scripted.push(...replies.map((reply) => (typeof reply === 'number' ? { status: reply } : reply)));
  }

  async start(port = this.port): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Down: connections to the port are refused until `start()` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private cors(request: IncomingMessage, response: ServerResponse): void {
    // Echo the caller's origin (a real endpoint would allow only the extension ids it expects).
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, Authorization');
    response.setHeader('Access-Control-Max-Age', '600');
    response.setHeader('Vary', 'Origin');
  }

  private reply(response: ServerResponse, status: number, body?: unknown): void {
    response.statusCode = status;
    if (body === undefined) return void response.end();
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(body));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.cors(request, response);
    if (request.method === 'OPTIONS') return this.reply(response, 204);
    const statusOf = /^\/reports\/([^/]+)\/status$/.exec(request.url ?? '');
    if (request.method === 'GET' && statusOf && this.options.statusTokens) return this.status(request, response, decodeURIComponent(statusOf[1]!));
    if (request.method !== 'POST' || request.url !== '/reports') return this.reply(response, 404, { error: 'not found' });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const key = request.headers['idempotency-key'];
    this.posts.push({ method: request.method, idempotencyKey: typeof key === 'string' ? key : undefined, origin: request.headers.origin });
    const scripted = this.scripted.shift();
    if (scripted) {
      for (const [name, value] of Object.entries(scripted.headers ?? {})) response.setHeader(name, value);
      return this.reply(response, scripted.status, scripted.body);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return this.reply(response, 400, { error: 'body is not JSON' });
    }
    if (!this.validate(body)) return this.reply(response, 400, { error: `not a report: ${this.validate.errors?.[0]?.message ?? ''}` });
    if (typeof key !== 'string' || key !== (body as { id: string }).id) return this.reply(response, 400, { error: 'Idempotency-Key must equal id' });
    if (this.keys.has(key)) return this.reply(response, 200, { id: key, duplicate: true, ...this.issueToken(key) });
    this.keys.add(key);
    this.reports.push(body);
    this.reply(response, 201, { id: key, ...this.issueToken(key) });
  }

  /** A new token for the report (a resend means the last one was lost); none without `statusTokens`. */
  private issueToken(id: string): { statusToken?: string } {
    if (!this.options.statusTokens) return {};
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(id, token);
    return { statusToken: token };
  }

  private async status(request: IncomingMessage, response: ServerResponse, id: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    this.statusRequests.push({ id, authorization: request.headers.authorization, url: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
    const scripted = this.scriptedStatus.shift();
    if (scripted) return this.reply(response, scripted.status, scripted.body);
    const token = this.tokens.get(id);
    if (!token || request.headers.authorization !== `Bearer ${token}`) return this.reply(response, 404, { error: 'no such report' });
    this.reply(response, 200, { id, ...(this.answers.get(id) ?? { state: 'received', reply: null, closedAt: null }) });
  }
}
