// A local RTSP relay that keeps cameras' passwords out of every command line. ffmpeg (5.1 here)
// can take an input URL only on its command line, where any user of the machine can read it
// (`ps`, /proc/PID/cmdline): so the recorder, the snapshot and the test recording are given
// rtsp://127.0.0.1:PORT/TOKEN/… instead, and the relay forwards each connection to the camera,
// answering the camera's Basic or Digest challenge itself. The random token opens only that one
// camera's stream through this relay while the station runs, and says nothing of the password.
//
// Requests are passed on with the camera's URL and the relay's own CSeq (a request answered with
// 401 is sent again with credentials, invisibly to the client); answers get the client's CSeq back
// and the camera's URLs (Content-Base, RTP-Info, the SDP's a=control) turned into the relay's.
// Interleaved RTP/RTCP frames pass untouched in both directions.
import { randomBytes } from 'node:crypto';
import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { Authorizer, pickChallenge, type Credentials } from './rtspAuth.js';
import {
  header, headerValues, parseStartLine, RtspReader, serialize, withHeader, type RtspMessage, type RtspPiece,
} from './rtspMessage.js';
import { redactUrl } from './rtspProbe.js';

/** Where a camera's stream is, and the account it asks for. */
export interface RelayTarget {
  /** rtsp:// or rtsps:// URL; credentials in it are taken out and used like user/pass. */
  readonly url: string;
  readonly user?: string | undefined;
  readonly pass?: string | undefined;
}

/** What the relay has learnt of a camera lately, for saying why a stream failed. */
export interface RelayState {
  /**
   * The camera's last verdict on the credentials: 'accepted' or 'refused'; 'open' while it asked
   * for none. A request it lets through without asking (OPTIONS, often) says nothing about them.
   */
  readonly auth: 'unknown' | 'open' | 'accepted' | 'refused';
  /** Why the last connection to the camera failed (in English, without credentials), or null. */
  readonly problem: string | null;
}

/** Why the camera turns the relay away, in English; null when it does not (or has not said). */
export function relayProblem(state: RelayState, hasCredentials: boolean): string | null {
  if (state.auth === 'refused') return hasCredentials ? 'the camera refused the user name or password' : 'the camera asks for a user name and password';
  return state.problem;
}

export interface RelayRoute {
  /** The URL to give ffmpeg: no password, only the token. */
  readonly url: string;
  state(): RelayState;
  /** Ends the route and every connection through it. */
  close(): void;
}

const CONNECT_TIMEOUT_MS = 5000;
const ABSOLUTE_RTSP = /rtsps?:\/\/[^/\s";,]+/g;

/** The URL without its credentials, and the credentials (explicit ones win over those in the URL). */
export function splitCredentials(target: RelayTarget): { url: URL; creds: Credentials | null } {
  const url = new URL(target.url);
  if (url.protocol !== 'rtsp:' && url.protocol !== 'rtsps:') throw new Error(`not an rtsp:// URL: ${redactUrl(target.url)}`);
  const user = target.user ?? (url.username ? decodeURIComponent(url.username) : undefined);
  const pass = target.pass ?? (url.password ? decodeURIComponent(url.password) : undefined);
  url.username = '';
  url.password = '';
  return { url, creds: user !== undefined && user !== '' ? { user, pass: pass ?? '' } : null };
}

interface Route {
  readonly token: string;
  readonly origin: string;
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly creds: Credentials | null;
  state: { auth: RelayState['auth']; problem: string | null };
  readonly connections: Set<RelayConnection>;
}

export class RtspRelay {
  private readonly routes = new Map<string, Route>();
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number) {}

  /** A relay listening on 127.0.0.1 on a free port. */
  static start(): Promise<RtspRelay> {
    return new Promise((resolve, reject) => {
      let relay: RtspRelay | null = null;
      const server = createServer((socket) => relay?.accept(socket));
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const addr = server.address();
        relay = new RtspRelay(server, typeof addr === 'object' && addr ? addr.port : 0);
        resolve(relay);
      });
    });
  }

  /** A route to one camera. A target without credentials is relayed too, so that every recorder is treated alike. */
  open(target: RelayTarget): RelayRoute {
    const { url, creds } = splitCredentials(target);
    const token = randomBytes(16).toString('hex');
    const secure = url.protocol === 'rtsps:';
    const route: Route = {
      token, origin: `${url.protocol}//${url.host}`, host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (secure ? 322 : 554) : Number(url.port), secure, creds,
      state: { auth: 'unknown', problem: null }, connections: new Set(),
    };
    this.routes.set(token, route);
    return {
      url: `rtsp://127.0.0.1:${this.port}/${token}${url.pathname}${url.search}`,
      state: () => ({ ...route.state }),
      close: () => {
        this.routes.delete(token);
        for (const c of route.connections) c.destroy();
      },
    };
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    new RelayConnection(socket, this.port, (token) => this.routes.get(token) ?? null);
  }
}

interface Pending { readonly clientCSeq: string | undefined; readonly request: RtspMessage; readonly method: string; readonly uri: string; retried: boolean }

/** One client connection and its connection to the camera. */
class RelayConnection {
  private route: Route | null = null;
  private upstream: Socket | null = null;
  private readonly fromClient = new RtspReader();
  private readonly fromCamera = new RtspReader();
  /** What the client sent before the camera's connection was up. */
  private waiting: RtspPiece[] = [];
  private readonly pending = new Map<string, Pending>();
  private cseq = 0;
  private authorizer: Authorizer | null = null;
  private closed = false;

  constructor(private readonly client: Socket, private readonly relayPort: number, private readonly lookup: (token: string) => Route | null) {
    client.setNoDelay(true);
    client.on('data', (chunk: Buffer) => this.onClientData(chunk));
    client.on('error', () => this.destroy());
    client.on('close', () => this.destroy());
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.route?.connections.delete(this);
    this.client.destroy();
    this.upstream?.destroy();
  }

  private relayBase(route: Route): string {
    return `rtsp://127.0.0.1:${this.relayPort}/${route.token}`;
  }

  private onClientData(chunk: Buffer): void {
    let pieces: RtspPiece[];
    try {
      pieces = this.fromClient.push(chunk);
    } catch {
      this.destroy();
      return;
    }
    for (const piece of pieces) {
      if (this.closed) return;
      if (!this.route && !this.bind(piece)) return;
      if (this.upstream?.readyState === 'open') this.toCamera(piece);
      else this.waiting.push(piece);
    }
  }

  /** The first request names the camera by its token; anything else is turned away. */
  private bind(piece: RtspPiece): boolean {
    const start = piece.kind === 'message' ? parseStartLine(piece.message.startLine) : null;
    const token = start?.kind === 'request' ? /^rtsp:\/\/[^/]+\/([0-9a-f]{32})(?=[/?]|$)/.exec(start.uri)?.[1] : undefined;
    const route = token ? this.lookup(token) : null;
    if (!route || piece.kind !== 'message') {
      const cseq = piece.kind === 'message' ? header(piece.message.headers, 'CSeq') : undefined;
      this.client.end(serialize({ startLine: 'RTSP/1.0 404 Not Found', headers: cseq ? [['CSeq', cseq]] : [], body: Buffer.alloc(0) }));
      this.closed = true;
      return false;
    }
    this.route = route;
    route.connections.add(this);
    this.connectCamera(route);
    return true;
  }

  private connectCamera(route: Route): void {
    const where = `${route.host}:${route.port}`;
    const socket = route.secure
      // Cameras' certificates are made by the camera itself; the stream is what is checked (ffprobe, hashes).
      ? connectTls({ host: route.host, port: route.port, rejectUnauthorized: false, servername: route.host })
      : connectTcp({ host: route.host, port: route.port });
    this.upstream = socket;
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      route.state.problem = `no connection to ${where} within ${CONNECT_TIMEOUT_MS} ms`;
      this.destroy();
    }, CONNECT_TIMEOUT_MS);
    socket.once(route.secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      route.state.problem = null;
      const waiting = this.waiting;
      this.waiting = [];
      for (const piece of waiting) this.toCamera(piece);
    });
    socket.on('data', (chunk: Buffer) => this.onCameraData(chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      route.state.problem = `${where}: ${err.code ?? err.message}`;
      this.destroy();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      this.destroy();
    });
    // Backpressure both ways: a slow reader pauses the other side instead of filling memory.
    this.client.on('drain', () => socket.resume());
    socket.on('drain', () => this.client.resume());
  }

  private write(to: Socket, from: Socket | null, bytes: Buffer): void {
    if (!to.write(bytes)) from?.pause();
  }

  private toCamera(piece: RtspPiece): void {
    const route = this.route;
    const up = this.upstream;
    if (!route || !up) return;
    if (piece.kind === 'frame') {
      this.write(up, this.client, piece.bytes);
      return;
    }
    const start = parseStartLine(piece.message.startLine);
    if (start.kind === 'response') {
      // The client answering a request of the camera's: passed on as it is.
      this.write(up, this.client, serialize(piece.message));
      return;
    }
    const base = this.relayBase(route);
    const uri = start.uri.startsWith(base) ? `${route.origin}${start.uri.slice(base.length)}` : start.uri;
    const request: RtspMessage = {
      startLine: `${start.method} ${uri} ${start.version}`,
      headers: withHeader(piece.message.headers, 'Authorization', null),
      body: piece.message.body,
    };
    this.send({ clientCSeq: header(piece.message.headers, 'CSeq'), request, method: start.method, uri, retried: false });
  }

  private send(p: Pending): void {
    const up = this.upstream;
    if (!up) return;
    const cseq = String(++this.cseq);
    this.pending.set(cseq, p);
    let headers = withHeader(p.request.headers, 'CSeq', cseq);
    if (this.authorizer) headers = withHeader(headers, 'Authorization', this.authorizer.header(p.method, p.uri));
    this.write(up, this.client, serialize({ ...p.request, headers }));
  }

  private onCameraData(chunk: Buffer): void {
    let pieces: RtspPiece[];
    try {
      pieces = this.fromCamera.push(chunk);
    } catch (err) {
      if (this.route) this.route.state.problem = `the camera sent something that is not RTSP (${(err as Error).message})`;
      this.destroy();
      return;
    }
    for (const piece of pieces) {
      if (this.closed) return;
      if (piece.kind === 'frame') this.write(this.client, this.upstream, piece.bytes);
      else this.fromCameraMessage(piece.message);
    }
  }

  private fromCameraMessage(m: RtspMessage): void {
    const route = this.route;
    if (!route) return;
    const start = parseStartLine(m.startLine);
    const cseq = header(m.headers, 'CSeq');
    const p = start.kind === 'response' && cseq !== undefined ? this.pending.get(cseq) : undefined;
    if (start.kind === 'request' || !p || cseq === undefined) {
      // A request of the camera's own (or an answer to nothing asked): the client deals with it.
      this.write(this.client, this.upstream, serialize(m));
      return;
    }
    this.pending.delete(cseq);
    if (start.status === 401) {
      const challenge = pickChallenge(headerValues(m.headers, 'WWW-Authenticate'));
      if (route.creds && challenge && !p.retried) {
        // Asked for credentials (or a fresh nonce): answer and send the request again.
        this.authorizer = new Authorizer(challenge, route.creds);
        p.retried = true;
        this.send(p);
        return;
      }
      route.state.auth = 'refused';
    } else if (start.status < 400) {
      if (this.authorizer) route.state.auth = 'accepted';
      else if (route.state.auth === 'unknown') route.state.auth = 'open';
    }
    const base = this.relayBase(route);
    const local = (text: string): string => text.replace(ABSOLUTE_RTSP, base);
    const headers: [string, string][] = m.headers
      .filter(([n]) => n.toLowerCase() !== 'www-authenticate' || start.status === 401)
      .map(([n, v]) => [n, /^(content-base|content-location|rtp-info|location)$/i.test(n) ? local(v) : v]);
    const isSdp = /application\/sdp/i.test(header(m.headers, 'Content-Type') ?? '');
    const body = isSdp ? Buffer.from(local(m.body.toString('utf8')), 'utf8') : m.body;
    const answer: RtspMessage = { startLine: m.startLine, headers: withHeader(headers, 'CSeq', p.clientCSeq ?? null), body };
    this.write(this.client, this.upstream, serialize(answer));
  }
}
