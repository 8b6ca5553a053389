// Who is talking to the station, and by which of its names. A request whose Host is not one of
// the station's own names is refused (421): a web page that re-points its own domain name at the
// station (DNS rebinding) reaches the station's address but still says its own name, so it gets
// nothing — neither a session cookie nor the first-run setup.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/** The names of this machine for itself: what a loopback-only station answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** 127.0.0.0/8 and ::1, also written IPv4-mapped. */
export function isLoopback(ip: string | null | undefined): boolean {
  if (!ip) return false;
  return ip === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(ip);
}

/** An address as written once: IPv4-mapped IPv6 as plain IPv4, lower case, no brackets. */
export function plainAddress(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return (v4?.[1] ?? ip).replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * The key a client is counted under: IPv4 as it is, IPv6 by its /64 network — one machine is
 * routinely given a whole /64, so single IPv6 addresses would cost an attacker nothing.
 */
export function addressKey(ip: string): string {
  const plain = plainAddress(ip);
  if (isIP(plain) !== 6 || plain === '::1') return plain;
  const [head = '', tail = ''] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The DNS names and IP addresses a certificate is made out to (its subjectAltName). */
export function certificateNames(certPem: string): string[] {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  return san.split(/,\s*/).flatMap((entry) => {
    const m = /^(DNS|IP Address):(.+)$/.exec(entry.trim());
    return m?.[2] ? [m[2]] : [];
  });
}

/** A Host header's name (lower case, IPv6 without brackets, no trailing dot) and port; null when it is not a host. */
export function parseHost(header: string): { readonly name: string; readonly port: number | null } | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s/@]+))(?::(\d{1,5}))?$/.exec(header.trim());
  if (!m) return null;
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  const name = (m[1] ?? m[2] ?? '').toLowerCase().replace(/\.$/, '');
  if (m[1] !== undefined && isIP(name) !== 6) return null;
  return name ? { name, port } : null;
}

/** The connection a request came in on: the station's own address and port there. */
export interface LocalEnd { readonly address?: string | undefined; readonly port?: number | undefined }

/**
 * The station's own names: those it is given, plus the address a connection actually arrived
 * at (a station bound to one LAN address answers to that address as a literal IP — never to a
 * name it was not given).
 */
export class HostCheck {
  private readonly names: ReadonlySet<string>;

  constructor(names: readonly string[]) {
    this.names = new Set(names.map((n) => plainAddress(n).replace(/\.$/, '')));
  }

  allows(header: string | undefined, local: LocalEnd): boolean {
    if (!header) return false;
    const host = parseHost(header);
    if (!host) return false;
    const known = this.names.has(host.name) || (local.address !== undefined && host.name === plainAddress(local.address));
    if (!known) return false;
    return host.port === null || local.port === undefined || host.port === local.port;
  }
}
