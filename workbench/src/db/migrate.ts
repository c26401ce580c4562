/** Schema migrations: `NNN_name.sql` in order, each applied once in its own transaction, and recorded. */
import { migrationFiles } from '../assets';
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(files: Record<string, string> = migrationFiles()): Migration[] {
  return Object.keys(files)
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file.slice(4, -4), sql: files[file]! }));
}

export async function migrate(db: Db, migrations: Migration[] = listMigrations()): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      // Statements one by one: the extended protocol (PGlite's transaction) takes one at a time.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
    applied.push(migration.version);
  }
  return applied;
}

/** Migrations are plain DDL: statements end with `;` at the end of a line; `--` comments are dropped. */
function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
