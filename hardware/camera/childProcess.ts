// Small helpers around child processes: always argument arrays (never a shell), bounded waits.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs a program to completion, killing it if it takes longer than timeoutMs. */
export function runProgram(cmd: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`${cmd} did not finish within ${timeoutMs} ms`));
      else resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Resolves when the child has exited, or could not be started (at once if so already). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // A program that cannot be started emits 'error' and 'close', never 'exit'.
    const done = () => {
      child.off('exit', done);
      child.off('error', done);
      resolve();
    };
    child.once('exit', done);
    child.once('error', done);
  });
}

/**
 * Asks a child to finish (SIGINT lets ffmpeg close the open segment and write its list line),
 * then kills it if it has not gone within graceMs.
 */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  const done = exited(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), graceMs); });
  const first = await Promise.race([done.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (first === 'late') {
    child.kill('SIGKILL');
    await done;
  }
}
