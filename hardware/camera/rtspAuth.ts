// The camera's side of RTSP authentication, as the relay answers it on the recorder's behalf:
// HTTP Basic and Digest (RFC 2617/7616: MD5, MD5-sess and SHA-256, with or without qop=auth),
// as RTSP cameras ask for them in WWW-Authenticate.
import { createHash, randomBytes } from 'node:crypto';

export interface Credentials { readonly user: string; readonly pass: string }

export type Challenge =
  | { readonly scheme: 'basic'; readonly realm: string }
  | {
    readonly scheme: 'digest'; readonly realm: string; readonly nonce: string; readonly opaque: string | null;
    readonly algorithm: 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess'; readonly qop: 'auth' | null;
  };

/** key=value and key="quoted value" pairs of one challenge. */
function params(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    out.set((m[1] ?? '').toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  return out;
}

const ALGORITHMS = ['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess'] as const;

/** The challenge to answer among a 401's WWW-Authenticate headers: Digest when offered (stronger), else Basic. */
export function pickChallenge(values: readonly string[]): Challenge | null {
  let basic: Challenge | null = null;
  for (const value of values) {
    const scheme = /^\s*(\w+)\s*(.*)$/s.exec(value);
    const name = scheme?.[1]?.toLowerCase();
    const p = params(scheme?.[2] ?? '');
    if (name === 'digest') {
      const algorithm = ALGORITHMS.find((a) => a.toLowerCase() === (p.get('algorithm') ?? 'MD5').toLowerCase());
      const nonce = p.get('nonce');
      if (!algorithm || nonce === undefined) continue;
      const qops = (p.get('qop') ?? '').split(',').map((q) => q.trim());
      return { scheme: 'digest', realm: p.get('realm') ?? '', nonce, opaque: p.get('opaque') ?? null, algorithm, qop: qops.includes('auth') ? 'auth' : null };
    }
    if (name === 'basic') basic = { scheme: 'basic', realm: p.get('realm') ?? '' };
  }
  return basic;
}

/** Answers one challenge for a number of requests (the nonce count of qop=auth goes up by one each). */
export class Authorizer {
  private nc = 0;

  constructor(
    private readonly challenge: Challenge, private readonly creds: Credentials,
    private readonly makeCnonce: () => string = () => randomBytes(8).toString('hex'),
  ) {}

  /** The Authorization header of a request of `method` on `uri`. */
  header(method: string, uri: string): string {
    const c = this.challenge;
    if (c.scheme === 'basic') return `Basic ${Buffer.from(`${this.creds.user}:${this.creds.pass}`, 'utf8').toString('base64')}`;
    const hashName = c.algorithm.startsWith('SHA-256') ? 'sha256' : 'md5';
    const h = (s: string): string => createHash(hashName).update(s, 'utf8').digest('hex');
    const cnonce = this.makeCnonce();
    let ha1 = h(`${this.creds.user}:${c.realm}:${this.creds.pass}`);
    if (c.algorithm.endsWith('-sess')) ha1 = h(`${ha1}:${c.nonce}:${cnonce}`);
    const ha2 = h(`${method}:${uri}`);
    const quote = (s: string): string => `"${s.replace(/(["\\])/g, '\\$1')}"`;
    const fields = [
      `username=${quote(this.creds.user)}`, `realm=${quote(c.realm)}`, `nonce=${quote(c.nonce)}`, `uri=${quote(uri)}`,
    ];
    if (c.qop === 'auth') {
      const nc = (++this.nc).toString(16).padStart(8, '0');
      fields.push(`response=${quote(h(`${ha1}:${c.nonce}:${nc}:${cnonce}:auth:${ha2}`))}`, 'qop=auth', `nc=${nc}`, `cnonce=${quote(cnonce)}`);
    } else {
      fields.push(`response=${quote(h(`${ha1}:${c.nonce}:${ha2}`))}`);
      if (c.algorithm.endsWith('-sess')) fields.push(`cnonce=${quote(cnonce)}`);
    }
    if (c.opaque !== null) fields.push(`opaque=${quote(c.opaque)}`);
    if (c.algorithm !== 'MD5') fields.push(`algorithm=${c.algorithm}`);
    return `Digest ${fields.join(', ')}`;
  }
}
