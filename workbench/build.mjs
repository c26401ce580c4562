/**
 * Production build: `npm run build -w @jarjestoopas/workbench` → dist/main.js (start the server)
 * and dist/cli.js (every command), plain JavaScript for `node`, no tsx.
 *
 * - @jarjestoopas/utils (TypeScript, the shared pure core) is bundled in;
 * - third-party packages stay imports, installed by `npm ci --omit=dev -w @jarjestoopas/workbench`;
 * - the popup's card components (components/nurse-view.tsx and what it imports) are bundled in,
 *   TSX with the automatic JSX runtime; react and react-dom stay imports;
 * - the stylesheet (with the popup's card rules) and the SQL migrations are embedded: src/assets.ts is replaced by a module
 *   holding their text, and the JSON the code imports (data/catalogue.json, the booking sheet's
 *   aliases) is inlined, so the built server reads no repository file.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const HERE = import.meta.dirname;
const ROOT = path.join(HERE, '..');
const SRC = path.join(HERE, 'src');
// The popup's card rules, served nested under the workbench's card (src/assets.ts).
const CARD_CSS = path.join(ROOT, 'components', 'search', 'service-card.css');
const OUT = path.join(HERE, 'dist');
const MIGRATIONS = path.join(SRC, 'db', 'migrations');
// Keep in step with src/assets.ts.
const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

/**
 * Bare imports stay imports (react and react-dom too: runtime dependencies of the workbench
 * package, one copy for the server), except the shared utils, which are TypeScript and bundled
 * in, and the extension's `@/…` paths inside the popup's components the workbench renders
 * (components/nurse-view.tsx), which mean the repository root.
 */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: ROOT }));
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
      // Keep in step with stylesheet() in src/assets.ts.
      const css = `${readFileSync(path.join(SRC, 'ui', 'workbench.css'), 'utf8')}\n.nurse-card {\n${readFileSync(CARD_CSS, 'utf8')}\n}\n`;
      return {
        loader: 'ts',
        contents: [
          '// Embedded by build.mjs from src/ui/workbench.css, components/search/service-card.css and src/db/migrations/*.sql.',
          `export const MIGRATION_FILE = ${MIGRATION_FILE};`,
          `export function stylesheet(): string { return ${JSON.stringify(css)}; }`,
          `export function migrationFiles(): Record<string, string> { return ${JSON.stringify(migrations)}; }`,
        ].join('\n'),
        watchFiles: [path.join(SRC, 'ui', 'workbench.css'), CARD_CSS, ...Object.keys(migrations).map((file) => path.join(MIGRATIONS, file))],
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
  // The popup's card components are TSX: React 17+ automatic runtime (react/jsx-runtime), as the extension's build.
  jsx: 'automatic',
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [externalPackages, embeddedAssets],
});
for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.js')) console.log(`${path.relative(process.cwd(), file)}  ${(bytes / 1024).toFixed(0)} kB`);
}
