// A local ONVIF device on 127.0.0.1 for the client tests: it answers each SOAP request with a
// captured camera answer (see onvifPersonas.ts) and checks credentials as cameras do, either
// WS-UsernameToken (PasswordDigest) or HTTP digest. Per-request overrides let a test send a
// fault, a broken answer, or nothing at all.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Persona } from './onvifPersonas.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'onvif');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** What to send instead of the persona's answer. */
export type Reply =
  | { status: number; body: string; contentType?: string }
  /** Accept the request and never answer. */
  | 'hang';

export interface Credentials { mode: 'wsse' | 'digest'; user: string; pass: string }

export interface OnvifServerOptions {
  persona: Persona;
  auth?: Credentials;
  /** By request key (e.g. 'GetProfiles', 'media2:GetStreamUri', 'Renew'), or '*' for all. */
  override?: Record<string, Reply>;
  /** Listen on this port instead of a free one. */
  port?: number;
}

export interface SeenRequest { key: string; authorized: boolean; wsse: boolean; digest: boolean }

/** ONVIF lets these through without credentials so a client can learn the time and services first. */
const PRE_AUTH = new Set(['GetSystemDateAndTime', 'GetServices', 'GetCapabilities', 'GetServiceCapabilities']);
const REALM = 'IP Camera';

export class OnvifTestServer {
  readonly requests: SeenRequest[] = [];
  /** Called after each request is recorded, for tests that wait on what the client asks. */
  onRequest: ((r: SeenRequest) => void) | null = null;
  private readonly nonces = new Set<string>();

  private constructor(private readonly server: Server, readonly port: number, private readonly o: OnvifServerOptions) {}

  static start(o: OnvifServerOptions): Promise<OnvifTestServer> {
    return new Promise((resolve, reject) => {
      let self: OnvifTestServer | null = null;
      const server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (d: string) => { body += d; });
        req.on('end', () => self?.handle(req, body, res));
      });
      server.on('error', reject);
      server.listen(o.port ?? 0, '127.0.0.1', () => {
        const addr = server.address();
        self = new OnvifTestServer(server, typeof addr === 'object' && addr ? addr.port : 0, o);
        resolve(self);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  keys(): string[] {
    return this.requests.map((r) => r.key);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const key = requestKey(body);
    const wsse = /<(?:\w+:)?UsernameToken\b/.test(body);
    const digest = req.headers.authorization !== undefined;
    const override = this.o.override?.[key] ?? this.o.override?.['*'];
    const authorized = this.authorize(key, body, req, res);
    const seen = { key, authorized: authorized === true, wsse, digest };
    this.requests.push(seen);
    this.onRequest?.(seen);
    if (authorized !== true) return;
    if (override === 'hang') return;
    if (override) return send(res, override.status, override.body, override.contentType);
    const file = this.o.persona.answers[key];
    if (file) return send(res, /<(?:\w+:)?Fault\b/.test(fixture(file)) ? 500 : 200, fixture(file));
    // The subscription manager's answers were not captured from any camera; these two are
    // composed from the WS-BaseNotification schema.
    if (key === 'Renew') {
      const now = Date.now();
      return send(res, 200, envelope(`<wsnt:RenewResponse><wsnt:TerminationTime>${iso(now + 60_000)}</wsnt:TerminationTime><wsnt:CurrentTime>${iso(now)}</wsnt:CurrentTime></wsnt:RenewResponse>`));
    }
    if (key === 'Unsubscribe') return send(res, 200, envelope('<wsnt:UnsubscribeResponse/>'));
    send(res, 500, fixture(this.o.persona.notSupported));
  }

  /** true, or the reply refusing the request has been sent. */
  private authorize(key: string, body: string, req: IncomingMessage, res: ServerResponse): true | 'refused' {
    const a = this.o.auth;
    if (!a || PRE_AUTH.has(key)) return true;
    if (a.mode === 'wsse') {
      if (wsseValid(body, a)) return true;
      send(res, 400, fixture(this.o.persona.notAuthorized));
      return 'refused';
    }
    if (this.digestValid(req, a)) return true;
    const nonce = randomBytes(16).toString('hex');
    this.nonces.add(nonce);
    res.setHeader('WWW-Authenticate', `Digest realm="${REALM}", qop="auth", nonce="${nonce}", stale="FALSE"`);
    send(res, 401, '<!DOCTYPE html><html><head><title>Document Error: Unauthorized</title></head><body><h2>Access Error: 401 -- Unauthorized</h2></body></html>', 'text/html');
    return 'refused';
  }

  private digestValid(req: IncomingMessage, a: Credentials): boolean {
    const h = req.headers.authorization;
    if (!h?.startsWith('Digest ')) return false;
    const p: Record<string, string> = {};
    for (const m of h.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) p[m[1] ?? ''] = m[2] ?? m[3] ?? '';
    if (p.username !== a.user || p.realm !== REALM || !this.nonces.has(p.nonce ?? '')) return false;
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const ha1 = md5(`${a.user}:${REALM}:${a.pass}`);
    const ha2 = md5(`${req.method ?? 'POST'}:${p.uri ?? ''}`);
    return p.response === md5(`${ha1}:${p.nonce ?? ''}:${p.nc ?? ''}:${p.cnonce ?? ''}:${p.qop ?? ''}:${ha2}`);
  }
}

/** The request's first Body element, prefixed "media2:" for the Media2 namespace. */
export function requestKey(body: string): string {
  const m = /<(?:[\w-]+:)?Body\b[^>]*>\s*<(?:[\w-]+:)?(\w+)([^>]*)>?/.exec(body);
  const name = m?.[1] ?? '?';
  return /ver20\/media\/wsdl/.test(m?.[2] ?? '') ? `media2:${name}` : name;
}

/** WS-UsernameToken PasswordDigest = Base64(SHA-1(nonce bytes + Created + password)). */
function wsseValid(body: string, a: Credentials): boolean {
  const field = (name: string) => new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([^<]*)<`).exec(body)?.[1];
  const user = field('Username');
  const digest = field('Password');
  const nonce = field('Nonce');
  const created = field('Created');
  if (user !== a.user || digest === undefined || nonce === undefined || created === undefined) return false;
  const expect = createHash('sha1').update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created), Buffer.from(a.pass)])).digest('base64');
  return expect === digest;
}

function send(res: ServerResponse, status: number, body: string, contentType = 'application/soap+xml; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function envelope(inner: string): string {
  return '<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" '
    + `xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2"><env:Body>${inner}</env:Body></env:Envelope>`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
