/**
 * The database a command works on: PostgreSQL when DATABASE_URL is set, else PGlite in the data
 * folder, migrated to the current schema. PGlite is one process's database, so its folder is
 * locked while a command or the server uses it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import { openDatabase, type Db } from './db/db';
import { migrate } from './db/migrate';
import { UsageError } from './usage-error';

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

export async function openWorkbenchDb(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<{ db: Db; unlock: () => void }> {
  mkdirSync(config.dataDir, { recursive: true });
  const unlock = lockData(config.dataDir, !config.databaseUrl);
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrate(db);
    return { db, unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}
