// Runs `npm run camera -- …` the way an installer does (tsx on main/cli/camera.ts), without
// blocking this process, which may be serving the camera the tool talks to.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CliResult { code: number | null; stdout: string; stderr: string }

export function startCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(TSX, [join(ROOT, 'main', 'cli', 'camera.ts'), ...args], { cwd: ROOT });
}

export function runCli(args: string[]): Promise<CliResult> {
  const child = startCli(args);
  return finished(child);
}

export function finished(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
