import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

/** Absolute paths of one machine (a home or work directory) that mean nothing on another. */
const MACHINE_PATH = /(?:^|[\s(`'"=])\/(?:work|home|Users|root|tmp\/bash_jobs)\/[\w.-]/m;

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
});
