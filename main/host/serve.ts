// The station's HTTP server for browsers: on 127.0.0.1 for the headless station's own pages, and
// with LAN access on every interface over HTTPS only, with a certificate made on this machine
// whose fingerprint is printed and shown on the desk.
import type { FastifyInstance } from 'fastify';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { STARTUP_TEXT } from '../../common/startupText.js';
import type { ServerInfo } from '../../common/views.js';
import type { ApiService } from '../api/service.js';
import { createServer } from '../server/http.js';
import { tlsIdentity } from '../server/selfSignedCert.js';
import type { StationHost } from './stationHost.js';
import { StartupError } from './startupError.js';

export interface ServeOptions {
  readonly rendererDir: string;
  readonly service: ApiService;
  readonly port: number;
  readonly lan: boolean;
  /** Listen here instead of 127.0.0.1 (or every interface with LAN access). */
  readonly bind?: string;
  /** The data folder, where the LAN certificate is kept (tls/). */
  readonly dataDir: string;
}

export interface Serving {
  readonly server: FastifyInstance;
  /** Where this machine reaches the server, e.g. https://127.0.0.1:8620 */
  readonly url: string;
  readonly fingerprint: string | null;
  readonly info: ServerInfo;
}

/** The machine's IPv4 addresses on the LAN (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flat().flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

export async function serve(host: StationHost, o: ServeOptions): Promise<Serving> {
  const tls = o.lan ? tlsIdentity(join(o.dataDir, 'tls'), ['localhost', '127.0.0.1', hostname(), ...lanAddresses()]) : null;
  const server = createServer(host, { rendererDir: o.rendererDir, service: o.service, ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}) });
  const bind = o.bind ?? (o.lan ? '0.0.0.0' : '127.0.0.1');
  let address: string;
  try {
    address = await server.listen({ port: o.port, host: bind });
  } catch (err) {
    await server.close().catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError('PORT_TAKEN', STARTUP_TEXT.portTaken(bind, o.port), { cause: err });
    throw new StartupError('PORT_UNUSABLE', STARTUP_TEXT.portUnusable(bind, o.port, code ?? (err as Error).message), { cause: err });
  }
  const url = address.replace('0.0.0.0', '127.0.0.1');
  const port = new URL(url).port;
  const info: ServerInfo = {
    lan: o.lan, fingerprint: tls?.fingerprint ?? null,
    urls: o.lan && bind === '0.0.0.0' ? lanAddresses().map((a) => `https://${a}:${port}/`) : [`${url}/`],
  };
  return { server, url, fingerprint: tls?.fingerprint ?? null, info };
}
