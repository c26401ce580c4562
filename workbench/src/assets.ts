/**
 * The files the server needs besides its code: the stylesheet (the workbench's and the popup's
 * card rules, components/search/service-card.css) and the SQL migrations. From
 * source (tsx, vitest) they are read beside the code. The production build (../build.mjs)
 * replaces this module with one holding their text, so `dist/` reads no repository file.
 * Keep the two exports' names and types in step with build.mjs.
 */
import { readdirSync, readFileSync } from 'node:fs';

const HERE = new URL('.', import.meta.url);

const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

export function stylesheet(): string {
  const card = readFileSync(new URL('../../components/search/service-card.css', HERE), 'utf8');
  return `${readFileSync(new URL('ui/workbench.css', HERE), 'utf8')}\n${nestedUnder('.nurse-card', card)}`;
}

/**
 * The popup's card rules, applied only inside the workbench's card (CSS nesting): the popup's
 * `.badge` or `.contacts` must not restyle the workbench's own. Keep in step with build.mjs.
 */
function nestedUnder(scope: string, css: string): string {
  return `${scope} {\n${css}\n}\n`;
}

/** Every `db/migrations/NNN_name.sql`, file name → SQL text. */
export function migrationFiles(): Record<string, string> {
  const dir = new URL('db/migrations/', HERE);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => MIGRATION_FILE.test(file))
      .map((file) => [file, readFileSync(new URL(file, dir), 'utf8')]),
  );
}
