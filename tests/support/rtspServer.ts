// Starts tests/support/rtsp_server.py (GStreamer's RTSP server) on 127.0.0.1, waits until it
// answers RTSP, and lets a test freeze, kill and restart it on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { exited } from '../../hardware/camera/childProcess.js';
import { probeRtsp } from '../../hardware/camera/rtspProbe.js';

const SCRIPT = join(import.meta.dirname, 'rtsp_server.py');
const PYTHON = '/usr/bin/python3';
const READY_TIMEOUT_MS = 15_000;

/** A camera's account: every mount then asks for it, by HTTP Digest or Basic. */
export interface RtspLogin { readonly user: string; readonly pass: string; readonly method: 'digest' | 'basic' }

export class RtspTestServer {
  private child: ChildProcess | null = null;
  private stderr = '';

  private constructor(public port: number, private readonly login: RtspLogin | null) {}

  /** A server on a free port (port 0) or on the given one; with a login, as a camera with an account. */
  static async start(port = 0, login: RtspLogin | null = null): Promise<RtspTestServer> {
    const s = new RtspTestServer(port, login);
    await s.launch();
    return s;
  }

  url(mount: 'cam' | 'noaudio' | 'flip' = 'cam'): string {
    return `rtsp://127.0.0.1:${this.port}/${mount}`;
  }

  get pid(): number {
    const pid = this.child?.pid;
    if (pid === undefined) throw new Error('RTSP test server is not running');
    return pid;
  }

  /** Turns the /flip mount's picture from black to white or back (see rtsp_server.py). */
  flip(): void {
    process.kill(this.pid, 'SIGUSR1');
  }

  /** SIGSTOP: the server keeps its sockets open but sends nothing, as a hung camera does. */
  freeze(): void {
    process.kill(this.pid, 'SIGSTOP');
  }

  resume(): void {
    process.kill(this.pid, 'SIGCONT');
  }

  /** SIGKILL (works on a frozen process too): connections drop, the port stops answering. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    this.child = null;
  }

  /** Starts again on the same port. */
  async restart(): Promise<void> {
    await this.kill();
    await this.launch();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    await exited(child);
    this.child = null;
  }

  private async launch(): Promise<void> {
    const login = this.login ? ['--user', this.login.user, '--auth', this.login.method] : [];
    // The password goes through the environment: command lines are what the tests search for passwords.
    const env = this.login ? { ...process.env, RTSP_PASSWORD: this.login.pass } : process.env;
    const child = spawn(PYTHON, [SCRIPT, '--port', String(this.port), ...login], { stdio: ['ignore', 'pipe', 'pipe'], env });
    this.child = child;
    this.stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`RTSP test server not ready within ${READY_TIMEOUT_MS} ms: ${this.stderr}`)), READY_TIMEOUT_MS);
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /READY (\d+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`RTSP test server exited (${String(code)}): ${this.stderr}`)); });
    });
    this.port = port;
    // Listening is not serving: wait for an RTSP answer.
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const p = await probeRtsp(this.url(), 1000);
      if (p.ok) return;
      if (Date.now() > deadline) throw new Error(`RTSP test server on ${port} does not answer: ${p.reason}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
