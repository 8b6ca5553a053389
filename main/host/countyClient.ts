// HTTPS to the county platform with its certificate pinned: the connection is handed to the HTTP
// layer only after the peer's SHA-256 fingerprint matched the configured one, so not a byte of a
// request (the enrolment token least of all) reaches a server that is not the county. No CA is
// consulted: the county's certificate is its own, like the station's.
import { Agent, request, type RequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { connect, type ConnectionOptions } from 'node:tls';

export interface CountyEndpoint { readonly url: string; readonly token: string; readonly fingerprint: string }

export const normalizeFingerprint = (f: string): string => f.replace(/:/g, '').toUpperCase();

export class PinMismatchError extends Error {
  override name = 'PinMismatchError';
}

class PinningAgent extends Agent {
  constructor(private readonly pin: string, maxSockets: number) {
    super({ keepAlive: true, maxSockets });
  }

  /** The socket goes to the HTTP layer (the callback) only once the pin matched; returning nothing makes it wait. */
  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | undefined {
    const socket = connect({ ...(options as ConnectionOptions), rejectUnauthorized: false });
    let settled = false;
    const settle = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      callback?.(err, socket);
    };
    socket.once('secureConnect', () => {
      const seen = normalizeFingerprint(socket.getPeerCertificate().fingerprint256 ?? '');
      if (seen === this.pin) {
        settle(null);
        return;
      }
      socket.destroy();
      settle(new PinMismatchError(`the county's certificate (SHA-256 ${seen.slice(0, 16)}…) is not the one configured`));
    });
    socket.once('error', (err) => settle(err));
    return undefined;
  }
}

/** An agent whose connections reach the HTTP layer only from the server with `fingerprint` (SHA-256). */
export function pinnedAgent(fingerprint: string, maxSockets = 1): Agent {
  return new PinningAgent(normalizeFingerprint(fingerprint), maxSockets);
}

export interface CountyResponse { readonly status: number; readonly body: unknown; readonly retryAfterMs: number | null }

export class CountyClient {
  private readonly agent: Agent;
  private readonly base: URL;
  private readonly pending = new Set<ReturnType<typeof request>>();

  constructor(private readonly endpoint: CountyEndpoint, private readonly timeoutMs = 60_000) {
    this.agent = pinnedAgent(endpoint.fingerprint);
    this.base = new URL(endpoint.url);
  }

  get url(): string {
    return this.endpoint.url;
  }

  /** One request; rejects on a network failure, a pin mismatch or a timeout (never naming the token). */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<CountyResponse> {
    const target = new URL(path, this.base);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(target, {
        method, agent: this.agent,
        headers: {
          authorization: `Bearer ${this.endpoint.token}`, accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          let parsed: unknown = null;
          try { parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { /* not JSON: the status says enough */ }
          const retry = Number(res.headers['retry-after']);
          resolve({ status: res.statusCode ?? 0, body: parsed, retryAfterMs: Number.isFinite(retry) && retry > 0 ? retry * 1000 : null });
        });
      });
      this.pending.add(req);
      req.on('close', () => this.pending.delete(req));
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer from the county within ${this.timeoutMs / 1000} s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Ends every connection, cutting off a request in flight; the client can still be used after. */
  close(): void {
    for (const r of this.pending) r.destroy(new Error('the county link is closing'));
    this.agent.destroy();
  }
}
