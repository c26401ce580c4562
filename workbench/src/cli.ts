/**
 * `npm run workbench -- …`
 *   [serve] --port P --data DIR [--host 127.0.0.1] [--public-url URL]   start the workbench
 *   add-maintainer EMAIL --data DIR                                     password from stdin / prompt
 *   publish --data DIR                                                  publish the current records
 *
 * DATABASE_URL=postgres://… uses that PostgreSQL server instead of PGlite in DIR/pgdata.
 * WORKBENCH_SIGNING_KEY_FILE=key.json (written by `npm run catalogue -- keygen`) signs the feed;
 * without it a development key is created in DIR/signing-key.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
// Record problems reach the maintainer in zod's words.
import '@jarjestoopas/utils/zod-messages';
import { formatIssues, parseCatalogue } from '@jarjestoopas/utils/catalogue/load';
import { generateSigningKeyPair, keyIdOf, type SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import { migrate, openDatabase, type Db } from './db/db';
import { latestFeed, publish, PublishError } from './feed';
import { buildServer, hashPassword } from './server';
import * as store from './store';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export class UsageError extends Error {}

const keyFileSchema = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1), keyId: z.string().optional() });

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(index, 2);
  return value;
}

export async function loadOrCreateKey(dataDir: string, log: (line: string) => void): Promise<SigningKeyPair> {
  const configured = process.env.WORKBENCH_SIGNING_KEY_FILE;
  const file = configured ? resolve(configured) : join(dataDir, 'signing-key.json');
  if (!existsSync(file)) {
    if (configured) throw new UsageError(`WORKBENCH_SIGNING_KEY_FILE ${file} does not exist`);
    const pair = await generateSigningKeyPair();
    writeFileSync(file, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600 });
    log(`Created a DEVELOPMENT signing key ${file} (key id ${pair.keyId}); for production set WORKBENCH_SIGNING_KEY_FILE.`);
    return pair;
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file} is not a key file written by \`npm run catalogue -- keygen\``);
  return { ...parsed.data, keyId: await keyIdOf(parsed.data.publicKey) };
}

/** PGlite is one process's database: a second process on the same folder is refused. */
function lockData(dataDir: string, useLock: boolean): () => void {
  if (!useLock) return () => undefined;
  const lock = join(dataDir, 'workbench.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) throw new UsageError(`the workbench (process ${pid}) is using ${dataDir}: stop it first, or use PostgreSQL (DATABASE_URL)`);
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

export async function openWorkbenchDb(dataDir: string): Promise<{ db: Db; unlock: () => void }> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockData(dataDir, !process.env.DATABASE_URL);
  try {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
    await migrate(db);
    return { db, unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** First start: the bundled catalogue becomes the records. Returns whether it imported. */
export async function importBundledIfEmpty(db: Db, file = join(ROOT, 'data/catalogue.json')): Promise<boolean> {
  if (!(await store.isCatalogueEmpty(db))) return false;
  const parsed = parseCatalogue(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file} is not a valid catalogue:\n${formatIssues(parsed.data, parsed.issues).join('\n')}`);
  await store.importCatalogue(db, parsed.catalogue, 'import');
  return true;
}

/** The catalogue tells the extension where reports go: this server's intake. */
async function pointReportsHere(db: Db, reportUrl: string): Promise<void> {
  const header = await store.readHeader(db);
  if (header.maintainer.reportUrl === reportUrl) return;
  const next = { ...header, maintainer: { ...header.maintainer, reportUrl } };
  await db.transaction(async (tx) => {
    await tx.query('UPDATE catalogue_header SET data = $1::jsonb', [JSON.stringify(next)]);
    await store.audit(tx, { actor: 'start', action: 'edit', kind: 'catalogue', recordId: header.region, before: header, after: next });
  });
}

async function serve(args: string[], dataDir: string): Promise<void> {
  const port = Number(option(args, '--port') ?? process.env.PORT ?? 8080);
  const host = option(args, '--host') ?? process.env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number (0 = any free port)');
  const log = (line: string) => console.log(line);
  const { db, unlock } = await openWorkbenchDb(dataDir);
  const key = await loadOrCreateKey(dataDir, log);
  const imported = await importBundledIfEmpty(db);
  // Listen first (port 0 picks a free one), then the public URL is known.
  const given = option(args, '--public-url') ?? process.env.WORKBENCH_PUBLIC_URL;
  const options = { db, key, publicUrl: given ?? '', trustProxy: process.env.WORKBENCH_TRUST_PROXY === '1' };
  const app = await buildServer(options);
  const address = await app.listen({ port, host });
  const publicUrl = (given ?? address).replace(/\/$/, '');
  options.publicUrl = publicUrl;
  await pointReportsHere(db, `${publicUrl}/api/reports`);
  if (imported) {
    const first = await publish(db, { key, actor: 'start' });
    log(`Imported data/catalogue.json and published it as revision ${first.revision}.`);
  } else if (!(await latestFeed(db))) {
    await publish(db, { key, actor: 'start' });
  }
  const maintainers = await store.countMaintainers(db);
  log(`Järjestöopas workbench on ${publicUrl}/  (database: ${db.kind === 'pglite' ? `PGlite in ${join(dataDir, 'pgdata')}` : 'PostgreSQL (DATABASE_URL)'})`);
  log(`Feed: ${publicUrl}/feed/catalogue.json (+ .sig), public key ${key.publicKey}`);
  log(`Reports: POST ${publicUrl}/api/reports`);
  log(
    maintainers > 0
      ? `Sign in at ${publicUrl}/login with a maintainer's e-mail and password.`
      : `No maintainers yet: stop (Ctrl+C) and run \`npm run workbench -- add-maintainer you@example.fi --data ${dataDir}\`, then start again and sign in at ${publicUrl}/login.`,
  );
  const stop = async () => {
    await app.close();
    await db.close();
    unlock();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split('\n')[0]!.replace(/\r$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing after the prompt.
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write('Password (at least 12 characters): ');
  output._writeToOutput = () => undefined;
  const password = await new Promise<string>((done) => rl.question('', done));
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function addMaintainer(args: string[], dataDir: string): Promise<void> {
  const email = args[0];
  if (!email || !z.email().safeParse(email).success) throw new UsageError('add-maintainer needs an e-mail address');
  const password = await readPassword();
  if (password.length < 12) throw new UsageError('the password must be at least 12 characters');
  const { db, unlock } = await openWorkbenchDb(dataDir);
  try {
    await store.addMaintainer(db, email, await hashPassword(password));
    console.log(`Maintainer ${email.toLowerCase()} can now sign in.`);
  } finally {
    await db.close();
    unlock();
  }
}

async function publishCommand(dataDir: string): Promise<void> {
  const { db, unlock } = await openWorkbenchDb(dataDir);
  try {
    const key = await loadOrCreateKey(dataDir, console.log);
    await importBundledIfEmpty(db);
    const result = await publish(db, { key, actor: 'command line' });
    console.log(`Published revision ${result.revision}: ${result.services} services, ${result.bytes} bytes, signed by key ${key.keyId} in ${result.ms.toFixed(0)} ms`);
  } catch (error) {
    if (error instanceof PublishError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.close();
    unlock();
  }
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const command = args[0] && !args[0].startsWith('--') ? args.shift()! : 'serve';
  const dataDir = resolve(option(args, '--data') ?? process.env.WORKBENCH_DATA ?? 'workbench-data');
  try {
    if (command === 'serve') await serve(args, dataDir);
    else if (command === 'add-maintainer') await addMaintainer(args, dataDir);
    else if (command === 'publish') await publishCommand(dataDir);
    else throw new UsageError(`unknown command "${command}" (serve | add-maintainer EMAIL | publish)`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`workbench: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
