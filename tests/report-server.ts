/**
 * A report endpoint on 127.0.0.1, behaving as the README asks a real one to: CORS for the
 * extension's origin (preflight included), the body checked against data/report.schema.json,
 * each report stored once per Idempotency-Key (a repeat gets 200, not a second record).
 * Tests can script the next replies (e.g. 503, 503) and take it down and up on the same port.
 */
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

export class ReportServer {
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
    response.setHeader('Access-Control-Allow-Methods', 'POST');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
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
    if (this.keys.has(key)) return this.reply(response, 200, { id: key, duplicate: true });
    this.keys.add(key);
    this.reports.push(body);
    this.reply(response, 201, { id: key });
  }
}
