/**
 * What the workbench's unit tests (tests/unit/workbench*.test.ts) share, so that each file
 * holds only what it checks: the maintainer's credentials, the extension's origin, the bundled
 * catalogue's first service, a stale-contact report builder, a seeded database, sign-in through
 * the form, and one suite run on embedded PGlite and on a throwaway PostgreSQL server.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateSigningKeyPair, type SigningKeyPair } from '@/utils/sync/signature';
import { importBundledIfEmpty } from '@/workbench/src/bundled-catalogue';
import { openPglite, openPostgres, type Db } from '@/workbench/src/db/db';
import { migrate } from '@/workbench/src/db/migrate';
import { hashPassword } from '@/workbench/src/passwords';
import { publish } from '@/workbench/src/publishing';
import * as store from '@/workbench/src/store';
import { findPostgresBin, startCluster, type Cluster } from './postgres-cluster';

export const EMAIL = 'anna@example.fi';
export const PASSWORD = 'oikea hevonen patteri niitti';
export const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
/** Nothing listens there: the tests go through Fastify's inject. */
export const PUBLIC_URL = 'http://127.0.0.1:1';
export const catalogue = JSON.parse(readFileSync('data/catalogue.json', 'utf8'));
export const SERVICE = catalogue.services[0];
export const ORGANISATION = catalogue.organisations.find((o: { id: string }) => o.id === SERVICE.organisationId);
export const PG_BIN = findPostgresBin();

/**
 * A builder of stale-contact reports about `service`. Each builder counts on its own, so a test
 * file's ids (`<idPrefix>000000000001`, `…2`, …) do not depend on what other files send.
 */
export function reportBuilder(
  idPrefix: string,
  service: { id: string; name: string; organisationId: string } = SERVICE,
  organisation: { name: string } = ORGANISATION,
) {
  let counter = 0;
  return (overrides: Record<string, unknown> = {}) => {
    counter += 1;
    return {
      schemaVersion: 1,
      id: `${idPrefix}${String(counter).padStart(12, '0')}`,
      createdAt: '2026-12-03T08:00:00+02:00',
      region: 'vake',
      catalogueRevision: 2,
      serviceId: service.id,
      serviceName: service.name,
      organisationId: service.organisationId,
      organisationName: organisation.name,
      field: 'phone',
      suggestion: '09 1234 5678',
      comment: 'Vanha numero ei vastaa.',
      extensionVersion: '0.1.0',
      ...overrides,
    };
  };
}

/** Sends a report the way the extension does: JSON, its Idempotency-Key, the extension's origin. */
export const postReport = (app: FastifyInstance, body: Record<string, unknown>, key = String(body.id)) =>
  app.inject({ method: 'POST', url: '/api/reports', headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: ORIGIN }, payload: JSON.stringify(body) });

/**
 * Signs in through the form and reads the session's CSRF token from `page`; returns the cookie
 * header and the token. The session cookie must be HttpOnly and SameSite=Strict every time.
 */
export async function signIn(app: FastifyInstance, maintainer = { email: EMAIL, password: PASSWORD }, page = '/'): Promise<{ cookie: string; csrf: string }> {
  const response = await app.inject({ method: 'POST', url: '/login', payload: { ...maintainer, next: '/' } });
  expect(response.statusCode).toBe(303);
  const setCookie = String(response.headers['set-cookie']);
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  const cookie = setCookie.split(';')[0]!;
  const form = await app.inject({ method: 'GET', url: page, headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  expect(csrf).toBeTruthy();
  return { cookie, csrf: csrf! };
}

/** A migrated database with the bundled catalogue, (by default) its first feed published, and one maintainer. */
export async function seededDb({ open = () => openPglite(undefined), email = EMAIL, published = true }: { open?: () => Promise<Db>; email?: string; published?: boolean } = {}): Promise<{ db: Db; key: SigningKeyPair }> {
  const db = await open();
  await migrate(db);
  await importBundledIfEmpty(db);
  const key = await generateSigningKeyPair();
  if (published) await publish(db, { key, actor: 'start' });
  await store.addMaintainer(db, email, await hashPassword(PASSWORD));
  return { db, key };
}

/**
 * Defines `suite` twice: on embedded PGlite, and on a throwaway PostgreSQL cluster in a database
 * named `<database>_<pid>` (skipped where Debian's postgresql is not installed).
 */
export function onPgliteAndPostgres(suite: (name: string, open: () => Promise<Db>) => void, database: string): void {
  suite('PGlite', () => openPglite(undefined));
  describe.skipIf(!PG_BIN)('PostgreSQL server', () => {
    let cluster: Cluster;
    beforeAll(async () => {
      cluster = await startCluster(PG_BIN!);
    }, 120_000);
    afterAll(() => cluster?.stop());
    suite('PostgreSQL', () => openPostgres(cluster.createDatabase(`${database}_${process.pid}`)));
  });
}
