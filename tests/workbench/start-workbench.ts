/**
 * Starts the real workbench the way a maintainer does (`npm run workbench`), as a child
 * process on a free loopback port with its own temporary data folder, after creating one
 * maintainer through `add-maintainer` (password on stdin). Reads the URL and the public key
 * from what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'workbench/src/cli.ts');

export interface RunningWorkbench {
  url: string;
  publicKey: string;
  email: string;
  password: string;
  output: () => string;
  stop(): Promise<void>;
}

function run(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.stdin.end(input ?? '');
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`workbench ${args.join(' ')} exited ${code}: ${out}`))));
  });
}

export interface StartOptions {
  /** Workbench commands run on the data folder before the server starts (e.g. `import-ptv …`): the embedded database has one user at a time. */
  before?: string[][];
}

export async function startWorkbench(options: StartOptions = {}): Promise<RunningWorkbench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jo-workbench-'));
  const email = 'anna.yllapitaja@example.fi';
  const password = 'oikea hevonen patteri niitti';
  await run(['add-maintainer', email, '--data', dataDir], `${password}\n`);
  for (const command of options.before ?? []) await run([...command, '--data', dataDir]);
  const child: ChildProcess = spawn(TSX, [CLI, '--port', '0', '--data', dataDir], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (chunk) => (out += chunk));
  const ready = await new Promise<{ url: string; publicKey: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the workbench did not start in 60 s:\n${out}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`the workbench exited ${code}:\n${out}`)));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /workbench on (http:\/\/[^/\s]+)\//.exec(out)?.[1];
      const publicKey = /public key (\S+)/.exec(out)?.[1];
      if (url && publicKey && /Sign in at/.test(out)) {
        clearTimeout(timer);
        resolve({ url, publicKey });
      }
    });
  });
  return {
    ...ready,
    email,
    password,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // A stop that hangs is a bug the output shows, not a reason to hang the test run.
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
