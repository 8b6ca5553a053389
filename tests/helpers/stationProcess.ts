// Starts the real headless station as a child process on 127.0.0.1 and talks to it over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '../..');

export interface RunningStation {
  readonly url: string;
  /** The database file the station records to (demo/station.db for the example area). */
  readonly record: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  /** The sign-in cookie of the last sign-in (empty before). */
  readonly cookie: () => string;
  call<T = unknown>(method: string, arg?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

function spawnStation(dataDir: string, extraArgs: readonly string[], env?: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/station.ts'), '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}),
  });
}

/** A station that is expected not to start: how it exited and what it said. */
export async function refusedStation(dataDir: string, extraArgs: readonly string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnStation(dataDir, extraArgs);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    // It started after all: stop it, and the caller sees a clean exit where a refusal was due.
    if (stdout.includes('"event":"listening"')) child.kill('SIGTERM');
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

export async function startStation(dataDir: string, extraArgs: readonly string[] = [], env?: NodeJS.ProcessEnv): Promise<RunningStation> {
  const child = spawnStation(dataDir, extraArgs, env);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const { url, record } = await new Promise<{ url: string; record: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`station exited (${String(code)}) before listening:\n${err}`)));
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string; record?: string };
        if (msg.event === 'listening' && msg.url && msg.record) resolve({ url: msg.url, record: msg.record });
      } catch { /* not a status line */ }
    });
  });
  let cookie = '';
  return {
    url, record, child, stderr: () => err, cookie: () => cookie,
    async call<T>(method: string, arg: unknown = {}) {
      const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(arg) });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0] ?? '';
      return { status: res.status, body: (await res.json()) as T };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
