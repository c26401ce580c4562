/**
 * Workbench figures on this machine (`npm run bench:workbench`), loopback only, bounded:
 *   1. report intake requests per second (POST /api/reports, every request a new report with
 *      its own Idempotency-Key, 10 connections for INTAKE_SECONDS) on PGlite and on PostgreSQL;
 *   2. publish time (assemble + validate + sign + store) for the bundled catalogue and for a
 *      generated 10,000-service catalogue, on both databases.
 * PostgreSQL is a throwaway cluster (tests/workbench/postgres-cluster.ts); without its binaries
 * that half is reported as skipped. autocannon runs in this process, beside the server: on
 * 2 cores the figures are what one small machine does with client and server on it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { parseCatalogue } from '@/utils/catalogue/load';
import type { Catalogue } from '@/utils/catalogue/schema';
import { generateSigningKeyPair } from '@/utils/sync/signature';
import { buildApp } from '@/workbench/src/app';
import { openPglite, openPostgres, type Db } from '@/workbench/src/db/db';
import { migrate } from '@/workbench/src/db/migrate';
import { publish } from '@/workbench/src/publishing';
import { importCatalogue } from '@/workbench/src/store';
import { findPostgresBin, startCluster } from '../workbench/postgres-cluster';
import { generateCatalogue } from './generate-catalogue';

const INTAKE_SECONDS = Number(process.env.INTAKE_SECONDS ?? 10);
const LARGE = Number(process.env.LARGE_SERVICES ?? 10_000);
const parsedBundled = parseCatalogue(JSON.parse(readFileSync('data/catalogue.json', 'utf8')));
if (!parsedBundled.success) throw new Error('data/catalogue.json is not valid');
const bundled = parsedBundled;
const key = await generateSigningKeyPair();

const reportBody = (id: string) =>
  JSON.stringify({
    schemaVersion: 1,
    id,
    createdAt: '2026-12-03T08:00:00+02:00',
    region: 'vake',
    catalogueRevision: 2,
    serviceId: bundled.catalogue.services[0]!.id,
    serviceName: bundled.catalogue.services[0]!.name,
    organisationId: bundled.catalogue.services[0]!.organisationId,
    organisationName: 'Järjestö',
    field: 'phone',
    suggestion: '09 1234 5678',
    comment: 'Vanha numero ei vastaa.',
    extensionVersion: '0.1.0',
  });

async function intake(db: Db): Promise<{ rps: number; p99: number; errors: number; stored: number }> {
  await migrate(db);
  await importCatalogue(db, bundled.catalogue, 'bench');
  const app = await buildApp({ db, key, publicUrl: 'http://127.0.0.1', intakeRateLimit: { max: 1e9, timeWindow: 60_000 } });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const result = await autocannon({
      url: `${url}/api/reports`,
      connections: 10,
      duration: INTAKE_SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const id = randomUUID();
            return { ...request, headers: { 'content-type': 'application/json', 'idempotency-key': id, origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }, body: reportBody(id) };
          },
        },
      ],
    });
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    return { rps: result.requests.average, p99: result.latency.p99, errors: result.non2xx + result.errors, stored: Number(row?.n ?? 0) };
  } finally {
    await app.close();
  }
}

async function publishTime(db: Db, catalogue: Catalogue): Promise<{ importMs: number; publishMs: number; bytes: number }> {
  await migrate(db);
  const t0 = performance.now();
  await importCatalogue(db, catalogue, 'bench');
  const importMs = performance.now() - t0;
  await publish(db, { key, actor: 'bench' }); // warm-up: first statements compile plans
  const t1 = performance.now();
  const result = await publish(db, { key, actor: 'bench' });
  return { importMs, publishMs: performance.now() - t1, bytes: result.bytes };
}

const large = generateCatalogue(LARGE, 42, bundled.catalogue.categories);
const rows: string[] = [];
const fmt = (n: number) => n.toFixed(0);

async function onBoth(label: string, run: (open: () => Promise<Db>) => Promise<string>) {
  const dir = mkdtempSync(join(tmpdir(), 'jo-bench-'));
  let n = 0;
  try {
    rows.push(`${label} PGlite:     ${await run(async () => openPglite(join(dir, `pg${++n}`)))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bin = findPostgresBin();
const cluster = bin ? await startCluster(bin) : undefined;
let dbCount = 0;
const openServer = async () => openPostgres(cluster!.createDatabase(`bench_${++dbCount}`));
async function withDb<T>(open: () => Promise<Db>, run: (db: Db) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

try {
  const intakeText = (r: Awaited<ReturnType<typeof intake>>) => `${fmt(r.rps)} requests/s (p99 ${r.p99} ms, ${r.errors} non-2xx/errors, ${r.stored} rows stored)`;
  const publishText = (r: Awaited<ReturnType<typeof publishTime>>) => `publish ${fmt(r.publishMs)} ms (${(r.bytes / 1024).toFixed(0)} kB signed; import ${fmt(r.importMs)} ms)`;
  await onBoth('intake', (open) => withDb(open, intake).then(intakeText));
  if (cluster) rows.push(`intake PostgreSQL: ${intakeText(await withDb(openServer, intake))}`);
  else rows.push('intake PostgreSQL: skipped (no PostgreSQL binaries)');
  for (const [label, catalogue] of [[`bundled (${bundled.catalogue.services.length} services)`, bundled.catalogue], [`generated (${LARGE} services)`, large]] as const) {
    await onBoth(`${label}`, (open) => withDb(open, (db) => publishTime(db, catalogue)).then(publishText));
    if (cluster) rows.push(`${label} PostgreSQL: ${publishText(await withDb(openServer, (db) => publishTime(db, catalogue)))}`);
  }
} finally {
  cluster?.stop();
}
console.log(`\nWorkbench on ${process.platform}, node ${process.version}, intake ${INTAKE_SECONDS} s × 10 connections, loopback:`);
for (const row of rows) console.log(`  ${row}`);
