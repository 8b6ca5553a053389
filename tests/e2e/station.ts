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
  stop(): Promise<void>;
}

export async function startStation(options: { config?: unknown } = {}): Promise<RunningStation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
  const args = ['--import', 'tsx', join(REPO, 'main/cli/station.ts'), '--port', '0', '--data', join(dataDir, 'data')];
  if (options.config !== undefined) {
    const file = join(dataDir, 'config.json');
    writeFileSync(file, JSON.stringify(options.config));
    args.push('--config', file);
  }
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string };
        if (msg.event === 'listening' && msg.url) resolve(msg.url);
      } catch { /* not a status line */ }
    });
    child.once('exit', (code) => reject(new Error(`station exited (${String(code)}) before listening:\n${stderr}`)));
  });
  return {
    url, dataDir,
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
