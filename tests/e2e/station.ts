// A real headless station for a test: its own temporary data folder, a free port on 127.0.0.1,
// stopped (and its folder removed) afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningStation {
  readonly url: string;
  readonly dataDir: string;
  /** The station's own data folder (--data): the database, the LAN certificate under tls/. */
  readonly stationData: string;
  /** The SHA-256 fingerprint of the LAN certificate, as the station printed it (with --lan). */
  readonly fingerprint: string | null;
  stop(): Promise<void>;
}

/**
 * `args`: more options for the station (e.g. --lan --bind 127.0.0.1). Without an area in `config`
 * the station opens the example area (--example), unless `firstRun`: then it waits for the
 * first-run wizard, as a new station does.
 */
export async function startStation(options: { config?: unknown; args?: readonly string[]; firstRun?: boolean } = {}): Promise<RunningStation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
  const stationData = join(dataDir, 'data');
  const hasArea = typeof options.config === 'object' && options.config !== null && 'area' in options.config;
  const example = !hasArea && !options.firstRun ? ['--example'] : [];
  const args = ['--import', 'tsx', join(REPO, 'main/cli/station.ts'), '--port', '0', '--data', stationData, ...example, ...(options.args ?? [])];
  if (options.config !== undefined) {
    const file = join(dataDir, 'config.json');
    writeFileSync(file, JSON.stringify(options.config));
    args.push('--config', file);
  }
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const { url, fingerprint } = await new Promise<{ url: string; fingerprint: string | null }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string; fingerprint?: string };
        if (msg.event === 'listening' && msg.url) resolve({ url: msg.url, fingerprint: msg.fingerprint ?? null });
      } catch { /* not a status line */ }
    });
    child.once('exit', (code) => reject(new Error(`station exited (${String(code)}) before listening:\n${stderr}`)));
  });
  return {
    url, dataDir, stationData, fingerprint,
    stop: () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}
