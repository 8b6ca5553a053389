// Runs a line-printing tool (`main/cli/rfid.ts` unless told) as its own process (through tsx,
// as `npm run rfid` does) and lets a test wait for the JSON lines it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

interface LineWaiter {
  test: (line: string) => boolean;
  done: (line: string) => void;
}

export class RfidCli {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: LineWaiter[] = [];
  private partial = '';

  constructor(args: readonly string[], script = 'main/cli/rfid.ts') {
    this.child = spawn(TSX, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => this.take(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Parsed JSON lines printed so far. */
  get records(): Array<Record<string, unknown>> {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  waitForLine(what: string, test: (record: Record<string, unknown>) => boolean, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const parsed = (line: string) => test(JSON.parse(line) as Record<string, unknown>);
    const seen = this.lines.find(parsed);
    if (seen !== undefined) return Promise.resolve(JSON.parse(seen) as Record<string, unknown>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; stdout: ${this.lines.join('\n')}; stderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter: LineWaiter = {
        test: parsed,
        done: (line) => {
          clearTimeout(timer);
          resolve(JSON.parse(line) as Record<string, unknown>);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends a signal and resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  private take(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      const ready = this.waiters.filter((w) => w.test(line));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.done(line);
    }
  }
}
