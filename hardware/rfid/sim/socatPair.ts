// A real pty pair from socat (Debian package `socat`), for the pty tests, the bench and
// demos: `a` and `b` are the two ends' link paths. unplug() kills socat (both ends vanish, as
// when a USB adapter is pulled); plug() starts it again on the same paths.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOCAT = '/usr/bin/socat';

export class SocatPair {
  readonly dir: string;
  readonly a: string;
  readonly b: string;
  private process: ChildProcess | null = null;

  private constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'rfid-pty-'));
    this.a = join(this.dir, 'a');
    this.b = join(this.dir, 'b');
  }

  static async open(): Promise<SocatPair> {
    const pair = new SocatPair();
    await pair.plug();
    return pair;
  }

  /** Starts socat; resolves once both links exist (socat says so before its transfer loop). */
  plug(): Promise<void> {
    if (this.process) return Promise.resolve();
    const child = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.process = child;
    return new Promise((resolve, reject) => {
      let text = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('starting data transfer loop')) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`socat exited (${code}) before it was ready: ${text}`)));
    });
  }

  /** Kills socat with SIGTERM (it then removes its links) and waits for it to exit. */
  async unplug(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  async close(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
