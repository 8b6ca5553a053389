// A throwaway PostgreSQL cluster for tests and the bench: Debian's binaries (the newest under
// /usr/lib/postgresql/*/bin), a data folder in a temp folder, listening on 127.0.0.1 on a free port
// and on a socket in that folder only. As root, the cluster runs as the `postgres` user (PostgreSQL
// refuses to run as root); the temp folder is given to that user.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/county — a database made for the caller. */
  readonly url: string;
  readonly port: number;
  /** The cluster's folder (data/, the socket, server.log). */
  readonly dir: string;
  stop(): void;
}

export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  const newest = versions[0];
  if (!newest) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql');
  return join(root, newest, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function pgUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('running as root, but there is no postgres user to run the cluster as');
  return { uid: Number(uid), gid: Number(gid) };
}

export interface ClusterOptions {
  /** Durability off (fsync, full-page writes): for tests that do not crash the database itself. */
  readonly fast?: boolean;
  /** Extra server settings, e.g. { shared_buffers: '256MB' }. */
  readonly settings?: Readonly<Record<string, string>>;
}

export async function startPgCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'county-pg-'));
  const user = pgUser();
  const run = (tool: string, args: readonly string[]): void => {
    const cmd = user ? 'runuser' : join(bin, tool);
    const full = user ? ['-u', 'postgres', '--', join(bin, tool), ...args] : [...args];
    execFileSync(cmd, full, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
  };
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const settings = {
    listen_addresses: "'127.0.0.1'", port: String(port), unix_socket_directories: `'${dir}'`, max_connections: '200',
    ...(options.fast ? { fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off' } : {}),
    ...options.settings,
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const o = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', o, 'start']);
  } catch (err) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL: ${(err as Error).message}\n${log}`);
  }
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE county');
  await admin.end();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/county`, port, dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
