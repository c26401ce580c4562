/**
 * Every command the README and docs/ document works on a fresh clone (issue 12, item 12).
 *
 * The documented npm commands are collected from README.md, data/README.md and docs/*.md; each
 * must be classified below, so a newly documented command cannot go unchecked. The runnable
 * ones are run in a fresh `git clone` of this checkout's HEAD (with this checkout's
 * node_modules linked in, as after `npm ci`), with the README's placeholder inputs replaced by
 * files of the repository. The others are listed with the reason they are not run here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const DOCS = ['README.md', 'data/README.md', ...readdirSync(resolve(ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

/** `npm …` commands as written in the docs (code blocks and inline code), up to a comment or the end of the code. */
function documentedCommands(): Set<string> {
  const commands = new Set<string>();
  for (const file of DOCS) {
    const text = readFileSync(resolve(ROOT, file), 'utf8');
    for (const match of text.matchAll(/npm (?:run(?: --silent)? [\w:-]+|start|test|ci|i -D [\w-]+)/g)) commands.add(match[0].replace(' --silent', ''));
  }
  return commands;
}

const SOURCE_FACTS = 'data/source/organisations.json';
const SHEET = 'data/demo/example-sessions-autumn-2026.csv';

/** Run in the clone, in this order (later ones use earlier outputs). */
const RUN: Array<{ documented: string; line: string; check?: (stdout: string) => void }> = [
  { documented: 'npm run build:demo', line: 'npm run build:demo' },
  { documented: 'npm run catalogue', line: 'npm run catalogue -- validate' },
  {
    documented: 'npm run catalogue',
    line: 'npm run --silent catalogue -- search "omaishoitaja tuki" --json',
    check: (stdout) => expect((JSON.parse(stdout) as unknown[]).length).toBeGreaterThan(0),
  },
  { documented: 'npm run catalogue', line: 'npm run catalogue -- keygen --out keys/vake-feed-key.json' },
  { documented: 'npm run catalogue', line: 'npm run catalogue -- build data/catalogue.json --key keys/vake-feed-key.json --out feed --revision 43' },
  { documented: 'npm run catalogue', line: 'npm run catalogue -- sign feed/catalogue.json --key keys/vake-feed-key.json' },
  { documented: 'npm run catalogue', line: `npm run catalogue -- import-sessions ${SHEET} --out published/catalogue.json` },
  { documented: 'npm run catalogue', line: `npm run catalogue -- import-sessions ${SHEET} --catalogue published/catalogue.json --out out.json` },
  { documented: 'npm run catalogue', line: `npm run catalogue -- import-source ${SOURCE_FACTS} --revision 2` },
  { documented: 'npm run report-schema', line: 'npm run report-schema' },
  { documented: 'npm run vocabulary', line: 'npm run vocabulary -- --check' },
  { documented: 'npm run relevance', line: 'npm run --silent relevance', check: (stdout) => expect(stdout).toContain('| client situations (blind) |') },
  { documented: 'npm run bench:paste', line: 'npm run bench:paste -- 1' },
  // The workbench's first step (its server, `npm run workbench -- --port …`, runs until stopped).
  { documented: 'npm run workbench', line: "echo 'a long passphrase here' | npm run workbench -- add-maintainer you@example.fi --data workbench-data" },
];

/** Documented, not run by this test, and why. */
const NOT_RUN: Record<string, string> = {
  'npm ci': 'installs from the registry; the clone links the node_modules that `npm ci` made here',
  'npm i -D web-ext': 'an optional extra installed from the registry',
  'npm test': 'this suite itself (it builds Chrome, Firefox and the demo, type-checks, lints and runs every test)',
  'npm start': 'builds (as `npm test` does) and opens a browser window for a person',
  'npm run build': 'the first step of `npm test`',
  'npm run build:firefox': 'the second step of `npm test`',
  'npm run zip': 'the `npm run build` of `npm test`, packed into a zip by WXT',
  'npm run zip:firefox': 'the `npm run build:firefox` of `npm test`, packed by WXT',
  'npm run dev': 'a development server that runs until stopped',
  'npm run dev:feed': 'a server that runs until stopped (its code is tested in sync-dev-feed.test.ts)',
  'npm run bench': 'minutes of benchmarking; `npm run bench:paste` runs the same search core',
  'npm run measure:sync': 'minutes of measuring; the sync core is tested in sync-fault-matrix.test.ts',
  'npm run lint:firefox': 'a step of `npm test`',
  'npm run measure:bundle': 'reads the production build; tests/e2e/popup-bundle.spec.ts checks the same budget on it',
  'npm run measure:morphology': 'a measurement (Voikko optional); its core, the search with each lexicon, is tested in search-trust.test.ts',
  'npm run bench:workbench': 'minutes of load on PGlite and PostgreSQL; the workbench is tested in workbench.test.ts',
  'npm run bench:sync-browser': 'minutes of syncing 30,000–100,000 services in Chromium; the sync in parts is tested in sync-parts.test.ts',
  'npm run bench:feed-popup': 'minutes of popup timing; the popup on a synced feed is tested in sync.spec.ts and feed-store-staged.test.ts',
};

describe('documented commands', () => {
  it('every documented command is run below or listed with a reason, and names a real script', () => {
    const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const classified = new Set([...RUN.map((command) => command.documented), ...Object.keys(NOT_RUN)]);
    for (const command of documentedCommands()) {
      expect(classified, `${command} is documented but neither run nor excused here`).toContain(command);
      const script = /^npm run ([\w:-]+)/.exec(command)?.[1];
      if (script) expect(scripts, `${command}: no such script in package.json`).toHaveProperty(script);
    }
  });
});

describe('on a fresh clone', () => {
  let clone: string;
  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'jarjestoopas-clone-'));
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
    symlinkSync(resolve(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    expect(existsSync(join(clone, '.output'))).toBe(false);
    // What `npm ci` runs after installing (package.json "postinstall").
    execFileSync('npm', ['run', 'postinstall'], { cwd: clone, stdio: 'ignore' });
  }, 120_000);
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it.each(RUN.map((command) => [command.line, command] as const))('%s', (_line, { line, check }) => {
    const result = spawnSync('bash', ['-c', line], { cwd: clone, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status, `${line}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`).toBe(0);
    check?.(result.stdout);
  }, 300_000);
});
