/**
 * A throwaway PostgreSQL cluster for the database tests: Debian's `postgresql` binaries,
 * initdb into a temporary folder, pg_ctl start on a free loopback port, stopped and removed
 * afterwards. As root (CI) the server runs as the `postgres` user, because PostgreSQL refuses
 * to run as root. Absent binaries skip the PostgreSQL half on a developer's machine; in CI
 * (CI=true) they are an error, never a skip.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPostgresBin(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  /** postgres://… for a new, empty database in the cluster. */
  createDatabase(name: string): string;
  stop(): void;
}

export async function startCluster(bin: string): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'jo-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const run = (program: string, args: string[]) => {
    const command = [join(bin, program), ...args];
    // runuser is util-linux (always on Debian); su would need a login shell for postgres.
    return asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', ...command], { cwd: dir, stdio: 'pipe' }).toString()
      : execFileSync(command[0]!, command.slice(1), { cwd: dir, stdio: 'pipe' }).toString();
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // Sockets in the temp folder, TCP on loopback only; fsync off: a throwaway cluster.
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    createDatabase(name) {
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
      return url(name);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
