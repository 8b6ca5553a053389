// A station host with its HTTP server in this process (fastify inject, or listening on 127.0.0.1),
// and signed-in clients for each role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../main/host/config.js';
import { StationHost } from '../../main/host/stationHost.js';
import type { TimeSource } from '../../main/host/stationClock.js';
import { createServer, type ServerOptions } from '../../main/server/http.js';
import type { Role } from '../../common/views.js';

export interface Client {
  readonly cookie: string;
  call<T = unknown>(method: string, arg?: unknown): Promise<{ status: number; body: T }>;
}

export interface ApiHost {
  readonly dir: string;
  readonly host: StationHost;
  readonly app: FastifyInstance;
  client(cookie?: string): Client;
  signIn(account: string, password: string): Promise<Client>;
  /** The administrator (created at setup) and one account per role. */
  accounts(): Promise<Record<'admin' | Exclude<Role, 'admin'>, Client>>;
  close(): Promise<void>;
}

export const PASSWORD = 'station2026';

/**
 * `time`: a virtual station time, or the wall clock and monotonic base the station clock reads.
 * `server`: options of the HTTP server (limits, allowed hosts).
 */
export async function apiHost(config: Record<string, unknown> = {}, time?: (() => number) | TimeSource, server: Omit<ServerOptions, 'rendererDir'> = {}): Promise<ApiHost> {
  const dir = mkdtempSync(join(tmpdir(), 'station-api-'));
  const clock = time === undefined ? {} : typeof time === 'function' ? { now: time } : { time };
  const host = new StationHost({ dataDir: dir, config: parseConfig(config, 'test'), log: () => undefined, ...clock });
  const app = createServer(host, { rendererDir: join(dir, 'no-pages'), ...server });
  await app.ready();
  const client = (cookie = ''): Client => ({
    cookie,
    async call<T>(method: string, arg: unknown = {}) {
      const res = await app.inject({ method: 'POST', url: `/api/${method}`, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, payload: JSON.stringify(arg) });
      return { status: res.statusCode, body: res.json<T>() };
    },
  });
  const signIn = async (account: string, password: string): Promise<Client> => {
    const res = await app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ account, password }) });
    const set = res.headers['set-cookie'];
    const cookie = (Array.isArray(set) ? set[0] : set)?.split(';')[0] ?? '';
    if (!res.json<{ ok: boolean }>().ok) throw new Error(`sign-in of ${account} failed: ${res.body}`);
    return client(cookie);
  };
  return {
    dir, host, app, client, signIn,
    async accounts() {
      const setup = await app.inject({ method: 'POST', url: '/api/setup', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ officerId: 'ADM', name: '管理员', gender: 'male', password: PASSWORD }) });
      const set = setup.headers['set-cookie'];
      const admin = client((Array.isArray(set) ? set[0] : set)?.split(';')[0] ?? '');
      const out: Record<string, Client> = { admin };
      for (const [account, role, gender] of [['desk1', 'desk', 'female'], ['op1', 'operator', 'male'], ['sv1', 'supervisor', 'male']] as const) {
        await admin.call('submit', { command: { type: 'officer.register', officer: { id: account.toUpperCase(), name: `${role}民警`, gender } } });
        const saved = await admin.call<{ ok: boolean }>('saveAccount', { account, officerId: account.toUpperCase(), roles: [role], password: PASSWORD });
        if (!saved.body.ok) throw new Error(`could not create ${account}`);
        out[role] = await signIn(account, PASSWORD);
      }
      return out as Record<'admin' | Exclude<Role, 'admin'>, Client>;
    },
    async close() {
      await app.close();
      host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
