// The first administrator is made only at the station: concurrent first-run setups make exactly
// one; a client on the LAN cannot make it; a request addressed to a foreign name (DNS
// rebinding) is refused outright; and concurrent edits cannot leave no working administrator.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiHost, PASSWORD, type ApiHost } from '../helpers/apiHost.js';

let h: ApiHost | null = null;
afterEach(async () => { await h?.close(); h = null; });

const setupBody = (n: number): string => JSON.stringify({ officerId: `ADM${n}`, name: `管理员${n}`, gender: 'male', password: PASSWORD });

function post(app: ApiHost['app'], url: string, payload: string, headers: Record<string, string> = {}, remoteAddress?: string) {
  return app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload, ...(remoteAddress ? { remoteAddress } : {}) });
}

/** A raw request to a listening server with a Host header of our choosing (fetch would not let us set it). */
function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status line of a request written byte for byte. */
function bareRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => { answer += d; });
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

const adminCount = (x: ApiHost): number =>
  (x.host.db.prepare(`SELECT count(*) AS n FROM accounts a WHERE a.disabled = 0 AND EXISTS (SELECT 1 FROM json_each(a.roles) WHERE value = 'admin')`).get() as { n: number }).n;

describe('first-run setup', () => {
  it('six concurrent setups make exactly one administrator; the others get 409', async () => {
    h = await apiHost();
    const app = h.app;
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => post(app, '/api/setup', setupBody(n))));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    expect(h.host.accounts.count()).toBe(1);
    expect(adminCount(h)).toBe(1);
    // Only the winner's officer was registered on the record.
    const winner = answers.find((r) => r.statusCode === 200)?.json<{ session: { account: string } }>().session.account;
    const registered = [...h.host.station.state.officers.keys()].filter((id) => /^ADM\d$/.test(id));
    expect(registered).toEqual([winner]);
  });

  it('refuses setup from an address on the LAN, and accepts it at the station itself', async () => {
    h = await apiHost();
    for (const address of ['192.168.1.50', '::ffff:10.0.0.7', 'fd00::99']) {
      const lan = await post(h.app, '/api/setup', setupBody(1), {}, address);
      expect(lan.statusCode, address).toBe(403);
      expect(lan.json<{ message: string }>().message).toContain('工作站本机');
    }
    expect(h.host.accounts.count()).toBe(0);
    expect(h.host.station.state.officers.has('ADM1')).toBe(false);
    const here = await post(h.app, '/api/setup', setupBody(1), {}, '::1');
    expect(here.statusCode).toBe(200);
    expect(h.host.accounts.count()).toBe(1);
  });

  it('answers 421 to a request addressed to a name that is not the station (DNS rebinding)', async () => {
    h = await apiHost();
    const foreign = await post(h.app, '/api/setup', setupBody(1), { host: 'rebind.attacker.example:8620' });
    expect(foreign.statusCode).toBe(421);
    expect(h.host.accounts.count()).toBe(0);
    for (const url of ['/api/health', '/', '/api/stream']) {
      expect((await h.app.inject({ method: 'GET', url, headers: { host: 'rebind.attacker.example' } })).statusCode, url).toBe(421);
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/health', headers: { host: 'localhost.attacker.example' } })).statusCode).toBe(421);

    // Over a real connection: the station's own names on the port it listens on, and nothing else.
    const port = Number(new URL(await h.app.listen({ port: 0, host: '127.0.0.1' })).port);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST.:${port}`, `[::1]:${port}`, '127.0.0.1']) {
      expect(await rawGet(port, '/api/health', host), host).toBe(200);
    }
    for (const host of [`rebind.attacker.example:${port}`, `127.0.0.1:${port + 1 === 65536 ? 1 : port + 1}`, `127.0.0.1.nip.io:${port}`, `[::2]:${port}`]) {
      expect(await rawGet(port, '/api/health', host), host).toBe(421);
    }
    // HTTP/1.0 may leave Host out: a request that names no host is not addressed to the station either.
    expect(await bareRequest(port, 'GET /api/health HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.[01] 421/);
  });

  it('answers to the names it is given, and to the address a connection arrived at', async () => {
    h = await apiHost({}, undefined, { allowedHosts: ['station-pc', '192.168.1.10'] });
    const app = h.app;
    const get = async (host: string): Promise<number> => (await app.inject({ method: 'GET', url: '/api/health', headers: { host } })).statusCode;
    expect(await get('station-pc:8620')).toBe(200);
    expect(await get('192.168.1.10')).toBe(200);
    expect(await get('localhost:8620')).toBe(421);
    // Listening on 127.0.0.1 without being given that name: the connection's own address still counts.
    const port = Number(new URL(await h.app.listen({ port: 0, host: '127.0.0.1' })).port);
    expect(await rawGet(port, '/api/health', `127.0.0.1:${port}`)).toBe(200);
  });
});

describe('at least one working administrator', () => {
  it('of two administrators disabled at the same time, one stays', async () => {
    h = await apiHost();
    const as = await h.accounts();
    expect((await as.admin.call<{ ok: boolean }>('saveAccount', { account: 'sv1', officerId: 'SV1', roles: ['supervisor', 'admin'] })).body.ok).toBe(true);
    expect(adminCount(h)).toBe(2);
    // Each also sets a new password, so each waits for scrypt between its check and its write.
    const [a, b] = await Promise.all([
      as.admin.call<{ ok: boolean; message?: string }>('saveAccount', { account: 'ADM', officerId: 'ADM', roles: ['admin'], disabled: true, password: 'another123' }),
      as.admin.call<{ ok: boolean; message?: string }>('saveAccount', { account: 'sv1', officerId: 'SV1', roles: ['supervisor', 'admin'], disabled: true, password: 'another123' }),
    ]);
    expect([a.body.ok, b.body.ok].filter(Boolean)).toHaveLength(1);
    expect([a.body, b.body].find((x) => !x.ok)?.message).toContain('管理员');
    expect(adminCount(h)).toBe(1);
  });
});
