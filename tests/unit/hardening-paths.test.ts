import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

/** Absolute paths of one machine (a home or work directory) that mean nothing on another. */
const MACHINE_PATH = /(?:^|[\s(`'"=])\/(?:work|home|Users|root|tmp\/bash_jobs)\/[\w.-]/m;

/** Where the project's reference folder sits beside a checkout: a fresh clone has none (issue 19, item 1). */
const SIBLING = resolve(ROOT, '..', 'shared');

/**
 * Whether a file's text names the sibling shared folder, however a path spells it: a relative
 * path that climbs out of the repository to it (three levels up from tests/unit, one from the
 * root), the folder by segments (`'..', 'shared'`) or by its absolute path. An import
 * specifier is resolved from the file only (a component's import of its neighbour folder `shared/use-i18n` is
 * components/shared); any other string also from the repository root, as `resolve(ROOT, …)` does.
 */
function namesSiblingShared(file: string, text: string): boolean {
  if (/['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/.test(text) || text.includes(SIBLING) || /\/work\/shared\b/.test(text)) return true;
  const fileDir = dirname(resolve(ROOT, file));
  for (const match of text.matchAll(/(from\s+|import\(\s*|require\(\s*|mock\(\s*)?['"`]((?:\.\.[\\/]+)+shared)(?=[\\/'"`])/g)) {
    const bases = match[1] ? [fileDir] : [fileDir, ROOT];
    if (bases.some((base) => resolve(base, match[2]!.replace(/\\/g, '/')) === SIBLING)) return true;
  }
  return false;
}

/** Everything that runs: tests, tools, the extension, the workbench, configs and CI. */
const RUNS = /^(tests|utils|components|entrypoints|workbench|scripts|\.ci)\/|^[\w.-]+\.config\.[cm]?[jt]s$|^package\.json$/;

/** The one exception, and why: CI hides the sibling folder for the run (it must name it to do so). */
const MAY_NAME_SIBLING = ['.ci/run', 'tests/unit/hardening-paths.test.ts'];

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('paths in the repository (issue 12, item 13)', () => {
  it('no tracked text file names an absolute path of one machine', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(ts|tsx|mjs|js|json|md|css|html|yml|yaml|sh)$/.test(file) || file === '.ci/run')
      .filter((file) => file !== 'package-lock.json' && file !== 'tests/unit/hardening-paths.test.ts');
    const offenders = files.filter((file) => {
      try {
        return MACHINE_PATH.test(readFileSync(resolve(ROOT, file), 'utf8'));
      } catch {
        return false; // listed but not checked out (e.g. deleted in the work tree)
      }
    });
    expect(offenders).toEqual([]);
  });

  it('no test, tool or run-time file reads the sibling shared folder (a fresh clone has none)', () => {
    const files = trackedFiles().filter((file) => RUNS.test(file) && !MAY_NAME_SIBLING.includes(file));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => {
      try {
        return namesSiblingShared(file, readFileSync(resolve(ROOT, file), 'utf8'));
      } catch {
        return false; // listed but not checked out (e.g. deleted in the work tree)
      }
    });
    expect(offenders).toEqual([]);
  });

  it('the sibling-folder check catches the spellings a path may take, and not components/shared', () => {
    // The offending paths are assembled here, so this file itself names no sibling folder.
    const up = (levels: number) => `${'../'.repeat(levels)}${'sha'}red`;
    const caught: Array<[string, string]> = [
      ['tests/unit/x.test.ts', `resolve(ROOT, '${up(1)}/data/x.json')`],
      ['tests/unit/x.test.ts', `resolve(import.meta.dirname, '${up(3)}/hsds-3.0/schema')`],
      ['utils/cli/x.ts', "join(ROOT, '..', 'shared')"],
      ['playwright.config.ts', `'${up(1)}/TESTING.md'`],
      ['tests/unit/x.test.ts', `import data from '${up(3)}/data/queries.json';`],
      ['tests/unit/x.test.ts', `readFileSync('${SIBLING}/DOMAIN.md')`],
    ];
    for (const [file, text] of caught) expect(namesSiblingShared(file, text), text).toBe(true);
    // components/shared is a folder of this repository: importing it from a component is no sibling path.
    expect(namesSiblingShared('components/popup/App.tsx', `import { useI18n } from '${up(1)}/use-i18n';`)).toBe(false);
    expect(namesSiblingShared('components/reports/use-outbox.ts', `import { useStoredItem } from '${up(1)}/use-stored-item';`)).toBe(false);
  });
});
