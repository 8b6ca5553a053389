// `npm run evidence -- export` while the station runs: the record has one writer, the running
// station (a second process appending to it would collide with the station's next event), so the
// command line asks the station to export through a socket in the data folder, and the station
// does it with the same code as the desk's export. The data folder is the station user's alone,
// so is the socket (and on Windows the pipe is named after the folder). When no station answers,
// the command line opens the record itself.
import { createHash } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';

export const SOCKET_FILE = 'evidence.sock';

/** Where a station with this data folder listens. */
export function evidenceSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `\\\\.\\pipe\\custody-station-evidence-${createHash('sha256').update(dataDir.toLowerCase()).digest('hex').slice(0, 16)}`;
  return join(dataDir, SOCKET_FILE);
}

export const exportAsk = z.object({ op: z.literal('export'), session: z.string().min(1), out: z.string().min(1), osUser: z.string().min(1).max(200) }).strict();
export type ExportAsk = z.infer<typeof exportAsk>;

export type ExportReply = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly code: string; readonly message: string };

/** A request is one JSON line; nothing longer is a request. */
const MAX_LINE = 64 * 1024;

export class EvidenceSocket {
  private constructor(private readonly server: Server, private readonly path: string) {}

  /** Listens at the data folder's socket; a socket file left by a station that died is replaced. */
  static async listen(dataDir: string, handle: (ask: ExportAsk) => Promise<ExportReply>, log: (line: string) => void): Promise<EvidenceSocket | null> {
    const path = evidenceSocketPath(dataDir);
    const serve = (socket: Socket): void => {
      let buf = '';
      socket.setEncoding('utf8');
      socket.on('error', () => undefined);
      socket.on('data', (d: string) => {
        buf += d;
        if (buf.length > MAX_LINE) { socket.destroy(); return; }
        const nl = buf.indexOf('\n');
        if (nl < 0) return;
        socket.removeAllListeners('data');
        let ask: ExportAsk;
        try {
          ask = exportAsk.parse(JSON.parse(buf.slice(0, nl)));
        } catch (err) {
          socket.end(`${JSON.stringify({ ok: false, code: 'BAD_REQUEST', message: (err as Error).message.slice(0, 300) })}\n`);
          return;
        }
        void handle(ask).then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
      });
    };
    const server = createServer(serve);
    const listening = (): Promise<void> => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => { server.off('error', reject); resolve(); });
    });
    try {
      await listening();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || process.platform === 'win32' || (await answers(path))) {
        log(`evidence: cannot listen at ${path} (${code ?? (err as Error).message}); the command line will not reach this station`);
        return null;
      }
      unlinkSync(path);
      try {
        await listening();
      } catch (again) {
        log(`evidence: cannot listen at ${path} (${(again as Error).message})`);
        return null;
      }
    }
    if (process.platform !== 'win32') chmodSync(path, 0o600);
    server.unref();
    return new EvidenceSocket(server, path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      if (process.platform !== 'win32') {
        try { unlinkSync(this.path); } catch { /* already gone */ }
      }
    });
  }
}

/** Whether something listens at the socket now. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/**
 * Asks the station running on this data folder to export. Null when no station listens there;
 * otherwise its reply (an export takes seconds to minutes: no time limit once connected).
 */
export function askStation(dataDir: string, ask: ExportAsk): Promise<ExportReply | null> {
  const path = evidenceSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const s = connect(path);
    let buf = '';
    let connected = false;
    s.setEncoding('utf8');
    s.once('connect', () => {
      connected = true;
      s.write(`${JSON.stringify(ask)}\n`);
    });
    s.on('data', (d: string) => { buf += d; });
    s.once('error', (err: NodeJS.ErrnoException) => {
      if (!connected && (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'ENOTSOCK')) resolve(null);
      else reject(err);
    });
    s.once('close', () => {
      if (!connected) return;
      try {
        resolve(JSON.parse(buf.trim()) as ExportReply);
      } catch {
        reject(new Error('the station closed the connection without an answer'));
      }
    });
  });
}
