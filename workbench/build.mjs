/**
 * Production build: `npm run build -w @jarjestoopas/workbench` → dist/main.js (start the server)
 * and dist/cli.js (every command), plain JavaScript for `node`, no tsx.
 *
 * - @jarjestoopas/utils (TypeScript, the shared pure core) is bundled in;
 * - third-party packages stay imports, installed by `npm ci --omit=dev -w @jarjestoopas/workbench`;
 * - the stylesheet and the SQL migrations are embedded: src/assets.ts is replaced by a module
 *   holding their text, and the JSON the code imports (data/catalogue.json, the booking sheet's
 *   aliases) is inlined, so the built server reads no repository file.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const HERE = import.meta.dirname;
const SRC = path.join(HERE, 'src');
const OUT = path.join(HERE, 'dist');
const MIGRATIONS = path.join(SRC, 'db', 'migrations');
// Keep in step with src/assets.ts.
const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

/** Bare imports stay imports, except the shared utils, which are TypeScript and bundled in. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@jarjestoopas/utils')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** src/assets.ts, but with the files' text in it instead of reading them at run time. */
const embeddedAssets = {
  name: 'embedded-assets',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]assets\.ts$/ }, () => {
      const migrations = Object.fromEntries(
        readdirSync(MIGRATIONS)
          .filter((file) => MIGRATION_FILE.test(file))
          .map((file) => [file, readFileSync(path.join(MIGRATIONS, file), 'utf8')]),
      );
      const css = readFileSync(path.join(SRC, 'ui', 'workbench.css'), 'utf8');
      return {
        loader: 'ts',
        contents: [
          '// Embedded by build.mjs from src/ui/workbench.css and src/db/migrations/*.sql.',
          `export const MIGRATION_FILE = ${MIGRATION_FILE};`,
          `export function stylesheet(): string { return ${JSON.stringify(css)}; }`,
          `export function migrationFiles(): Record<string, string> { return ${JSON.stringify(migrations)}; }`,
        ].join('\n'),
        watchFiles: [path.join(SRC, 'ui', 'workbench.css'), ...Object.keys(migrations).map((file) => path.join(MIGRATIONS, file))],
      };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: path.join(SRC, 'main.ts'), cli: path.join(SRC, 'cli.ts') },
  outdir: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [externalPackages, embeddedAssets],
});
for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.js')) console.log(`${path.relative(process.cwd(), file)}  ${(bytes / 1024).toFixed(0)} kB`);
}
