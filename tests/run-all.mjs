#!/usr/bin/env node
/**
 * `npm test`: every check, in order, then one closing line `N passed, N failed` summed over
 * vitest and Playwright from their JSON reports (the CI reader understands only that line).
 *
 *   1. wxt build               Chrome, MV3        -> .output/chrome-mv3
 *   2. wxt build -b firefox    Firefox, MV2       -> .output/firefox-mv2
 *   2b. demo build             Chrome with the example info sessions -> .output/chrome-mv3-demo
 *   2c. hand-off test builds   Chrome and Firefox with a 127.0.0.1 host permission -> .output/*-handoff-e2e
 *   2d. workbench build        esbuild -> workbench/dist (main.js, cli.js), started by a unit test
 *   3. tsc --noEmit            type check
 *   3b. eslint .               typescript-eslint and the layers' import rules (eslint.config.js); any warning fails
 *   3c. knip                   unused files, exports and dependencies (knip.jsonc); any finding fails
 *   4. addons-linter           the Firefox build; errors fail, warnings are listed
 *   5. vitest run              tests/unit         -> reports/vitest.json
 *   6. playwright test         tests/e2e          -> reports/playwright.json
 *
 * A failed step does not stop the independent ones (tsc and vitest still run after a failed
 * build), but the steps that need its output are skipped. Exits non-zero when any step failed
 * or was skipped, a report is missing or unreadable, a runner reports zero tests, any test
 * failed, or (with CI set) any test was skipped. Plain Node, no dependencies.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const REPORTS = path.join(ROOT, 'reports');
const VITEST_REPORT = path.join(REPORTS, 'vitest.json');
const PLAYWRIGHT_REPORT = path.join(REPORTS, 'playwright.json'); // set in playwright.config.ts
const LINTER_REPORT = path.join(REPORTS, 'addons-linter.json');

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (line = '') => process.stdout.write(`${line}\n`);

/** Runs a command with inherited output (or stdout captured to a string); resolves its exit code. */
function run(command, args, { captureStdout = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      // Logs (CI, files) get plain text; a terminal keeps its colours.
      env: process.stdout.isTTY ? process.env : { NO_COLOR: '1', ...process.env },
      stdio: ['ignore', captureStdout ? 'pipe' : 'inherit', 'inherit'],
    });
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', (error) => {
      log(`cannot start ${command}: ${error.message}`);
      resolve({ code: 127, stdout });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout }));
  });
}

/** Reads a JSON report; `{ error }` when it is missing or not JSON. */
function readReport(file) {
  const name = path.relative(ROOT, file);
  if (!existsSync(file)) return { error: `${name} is missing` };
  try {
    return { report: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { error: `${name} is not valid JSON (${error.message})` };
  }
}

/** addons-linter's JSON on stdout -> a short listing; fails on errors, never on warnings. */
function lintVerdict({ code, stdout }) {
  let result;
  writeFileSync(LINTER_REPORT, stdout);
  try {
    result = JSON.parse(stdout);
  } catch {
    process.stdout.write(stdout);
    return { ok: false, note: `addons-linter exited ${code} without a JSON report` };
  }
  const { errors = [], warnings = [], notices = [] } = result;
  for (const [kind, messages] of [['error', errors], ['warning', warnings], ['notice', notices]]) {
    for (const m of messages) {
      log(`  ${kind.padEnd(7)} ${m.code}  ${m.file ?? ''}${m.line ? `:${m.line}` : ''}  ${m.message}`);
      if (kind === 'error' && m.description) log(`          ${String(m.description).replace(/\s+/g, ' ')}`);
    }
  }
  const note = `${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`;
  return { ok: errors.length === 0 && code === 0, note };
}

/** Vitest's JSON (Jest-compatible). A file that fails to load counts as one failed test. */
function vitestCounts(report) {
  const files = report.testResults ?? [];
  const brokenFiles = files.filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  for (const file of brokenFiles) log(`  vitest: ${path.relative(ROOT, file.name)} failed to run: ${file.message ?? ''}`);
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    total: report.numTotalTests ?? 0,
    ok: report.success === true,
  };
}

/** Playwright's JSON. Flaky (passed on retry) counts as passed; errors outside tests as failed. */
function playwrightCounts(report) {
  const stats = report.stats ?? {};
  const outsideTests = (report.errors ?? []).length;
  for (const error of report.errors ?? []) log(`  playwright: ${String(error.message ?? '').split('\n')[0]}`);
  if (stats.flaky) log(`  playwright: ${stats.flaky} test(s) passed only on retry (flaky)`);
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  const failed = (stats.unexpected ?? 0) + outsideTests;
  return { passed, failed, skipped: stats.skipped ?? 0, total: passed + (stats.unexpected ?? 0) + (stats.skipped ?? 0), ok: failed === 0 };
}

const steps = [
  { name: 'build chrome-mv3', cmd: ['wxt', 'build'], produces: 'chrome' },
  { name: 'build firefox-mv2', cmd: ['wxt', 'build', '-b', 'firefox'], produces: 'firefox' },
  // The info-session e2e tests run on a demo build: the example booking sheet imported into
  // the catalogue (npm run build:demo, in two steps so that each stays a plain binary).
  {
    name: 'demo catalogue (import-sessions)',
    cmd: ['tsx', 'utils/cli/catalogue.ts', 'import-sessions', 'data/demo/example-sessions-autumn-2026.csv', '--out', '.output/demo-catalogue.json'],
    produces: 'demoCatalogue',
  },
  { name: 'build chrome-mv3-demo', cmd: ['wxt', 'build', '--mode', 'demo'], needs: ['demoCatalogue'], produces: 'demo' },
  // The hand-off insertion tests: the production code plus a 127.0.0.1 host permission standing
  // in for activeTab, which only a real right-click or shortcut grants (docs/handoff.md).
  { name: 'build chrome-mv3-handoff-e2e', cmd: ['wxt', 'build', '--mode', 'handoff-e2e'], produces: 'handoffChrome' },
  { name: 'build firefox-mv2-handoff-e2e', cmd: ['wxt', 'build', '-b', 'firefox', '--mode', 'handoff-e2e'], produces: 'handoffFirefox' },
  // The production build of the workbench: tests/unit/workbench-dist.test.ts starts it with node.
  { name: 'build workbench (esbuild)', cmd: ['node', 'workbench/build.mjs'], produces: 'workbench' },
  { name: 'typecheck (tsc --noEmit)', cmd: ['tsc', '--noEmit'] },
  // The conventions that a tool can keep: layers, hooks, recommended TypeScript rules (eslint.config.js).
  { name: 'lint (eslint)', cmd: ['eslint', '.', '--max-warnings', '0', '--cache', '--cache-location', 'node_modules/.cache/eslint/'] },
  // Nothing unused: files, exports, dependencies of the three workspaces (knip.jsonc).
  { name: 'unused code (knip)', cmd: ['knip', '--no-progress'] },
  {
    name: 'addons-linter .output/firefox-mv2',
    cmd: ['addons-linter', '.output/firefox-mv2', '--output', 'json'],
    needs: ['firefox'],
    lint: true,
  },
  {
    name: 'unit tests (vitest)',
    cmd: ['vitest', 'run', 'tests/unit', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`],
    report: { file: VITEST_REPORT, runner: 'vitest', counts: vitestCounts },
  },
  {
    name: 'end-to-end tests (playwright)',
    cmd: ['playwright', 'test'],
    needs: ['chrome', 'firefox', 'demo', 'handoffChrome', 'handoffFirefox'],
    report: { file: PLAYWRIGHT_REPORT, runner: 'playwright', counts: playwrightCounts },
  },
];

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const built = new Set();
const results = [];
const totals = { passed: 0, failed: 0 };
const problems = [];
const started = Date.now();

for (const step of steps) {
  const missing = (step.needs ?? []).filter((output) => !built.has(output));
  if (missing.length > 0) {
    log(`\n==> ${step.name}: skipped (needs the ${missing.join(' and ')} build)`);
    results.push({ name: step.name, status: 'skipped', ms: 0 });
    problems.push(`${step.name} skipped`);
    continue;
  }
  log(`\n==> ${step.name}`);
  log(`    $ ${step.cmd.join(' ')}`);
  const t0 = Date.now();
  const [command, ...args] = step.cmd;
  const executable = command === 'node' ? process.execPath : path.join(BIN, command);
  const outcome = await run(executable, args, { captureStdout: Boolean(step.lint) });
  const ms = Date.now() - t0;

  let ok = outcome.code === 0;
  let note = ok ? '' : `exit ${outcome.code}`;
  if (step.lint) {
    ({ ok, note } = lintVerdict(outcome));
  }
  if (step.report) {
    const { report, error } = readReport(step.report.file);
    if (error) {
      ok = false;
      note = [note, error].filter(Boolean).join('; ');
    } else {
      const counts = step.report.counts(report);
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      const summary = `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
      if (counts.total === 0) {
        ok = false;
        note = [note, `${step.report.runner} ran no tests`].filter(Boolean).join('; ');
      } else if (process.env.CI && counts.skipped > 0) {
        // A test whose input or tool is missing must fail in CI, never pass by being skipped.
        ok = false;
        note = [summary, note, `CI runs every test: ${counts.skipped} skipped`].filter(Boolean).join('; ');
      } else {
        ok = ok && counts.ok && counts.failed === 0;
        note = [summary, note].filter(Boolean).join('; ');
      }
    }
  }
  if (ok && step.produces) built.add(step.produces);
  if (!ok) problems.push(`${step.name} failed${note ? ` (${note})` : ''}`);
  results.push({ name: step.name, status: ok ? 'ok' : 'FAILED', ms, note });
  log(`<== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds(ms)}${note ? ` (${note})` : ''}`);
}

log('\nSummary');
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  log(`  ${r.status.padEnd(7)} ${r.name.padEnd(width)}  ${r.status === 'skipped' ? '' : seconds(r.ms).padStart(7)}${r.note ? `  ${r.note}` : ''}`);
}
log(`  total   ${seconds(Date.now() - started)}`);
if (problems.length > 0) log(`\nNot green: ${problems.join('; ')}`);
log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = problems.length > 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0;
