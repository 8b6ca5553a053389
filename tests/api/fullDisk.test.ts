// A full disk does not lock everyone out: the station's data folder is on a small tmpfs that the
// test fills to the last byte; sign-in then keeps the session in memory and says so, the lockout
// still counts, and once space is back sessions are stored again and the access log catches up.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, writeSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../main/auth/accounts.js';
import { parseConfig } from '../../main/host/config.js';
import { StationHost } from '../../main/host/stationHost.js';
import { createServer } from '../../main/server/http.js';
import type { SessionInfo } from '../../common/views.js';
import { PASSWORD } from '../helpers/apiHost.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'station-full-'));
const filler = join(mountPoint, 'filler.bin');

/** Runs a mount command as root, directly or through sudo without a password (as on CI). */
function asRoot(command: string, args: string[]): void {
  if (process.getuid?.() === 0) execFileSync(command, args, { stdio: 'pipe' });
  else execFileSync('sudo', ['-n', command, ...args], { stdio: 'pipe' });
}

/** Writes until the file system refuses: afterwards not one more block can be allocated. */
function fillDisk(): number {
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  let written = 0;
  try {
    for (let i = 0; i < 10_000; i++) written += writeSync(fd, chunk);
    throw new Error('the tmpfs did not fill up');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  // Whatever is left below a whole chunk, byte by byte in small pieces.
  for (const size of [4096, 512, 1]) {
    try {
      for (let i = 0; i < 100_000; i++) written += writeSync(fd, chunk.subarray(0, size));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
  }
  closeSync(fd);
  return written;
}

let host: StationHost;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  try {
    asRoot('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mountPoint]);
  } catch (err) {
    throw new Error(`this test needs a small tmpfs: run it as root or with passwordless sudo (${(err as Error).message})`);
  }
  host = new StationHost({ dataDir: join(mountPoint, 'data'), config: parseConfig({}, 'test'), log: () => undefined });
  app = createServer(host, { rendererDir: join(mountPoint, 'no-pages') });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  host.close();
  asRoot('umount', [mountPoint]);
  rmdirSync(mountPoint);
});

async function call<T>(method: string, arg: unknown, cookie = ''): Promise<{ status: number; body: T; cookie: string }> {
  const res = await app.inject({ method: 'POST', url: `/api/${method}`, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, payload: JSON.stringify(arg) });
  const set = res.headers['set-cookie'];
  return { status: res.statusCode, body: res.json<T>(), cookie: (Array.isArray(set) ? set[0] : set)?.split(';')[0] ?? '' };
}

const logins = (): number => (host.db.prepare(`SELECT count(*) AS n FROM access_log WHERE action = 'login' AND account = 'ADM'`).get() as { n: number }).n;

describe('sign-in on a full disk', () => {
  it('signs in with a session kept in memory, says so, and still counts failures', async () => {
    const setup = await call<{ ok: boolean }>('setup', { officerId: 'ADM', name: '管理员', gender: 'male', password: PASSWORD });
    expect(setup.body.ok).toBe(true);
    const admin = setup.cookie;
    const desk = await call<{ ok: boolean }>('saveAccount', { account: 'desk1', officerId: 'ADM', roles: ['desk'], password: PASSWORD }, admin);
    expect(desk.body.ok).toBe(true);
    expect(logins()).toBe(1);

    expect(fillDisk()).toBeGreaterThan(0);
    // The record itself cannot take a command now (nothing acknowledged is lost; this one is refused).
    const refused = await call<{ ok: boolean; rejection: { code: string } }>('submit', { command: { type: 'officer.register', officer: { id: 'X1', name: '某', gender: 'male' } } }, admin);
    expect(refused.body).toMatchObject({ ok: false, rejection: { code: 'STORE_FAILED' } });

    const signedIn = await call<{ ok: boolean; session: SessionInfo }>('login', { account: 'ADM', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ ok: true, session: { account: 'ADM', memoryOnly: true } });
    expect((await call<SessionInfo>('session', {}, signedIn.cookie)).body).toMatchObject({ account: 'ADM', memoryOnly: true });
    expect((await call('overview', {}, signedIn.cookie)).status).toBe(200);

    // Wrong passwords still lock the account, in memory.
    for (let i = 0; i < MAX_FAILURES; i++) expect((await call<{ ok: boolean }>('login', { account: 'desk1', password: `wrong-pass${i}` })).body.ok).toBe(false);
    expect((await call<{ ok: boolean }>('login', { account: 'desk1', password: PASSWORD })).body.ok).toBe(false);
    expect((await call<{ locked: boolean; account: string }[]>('accounts', {}, signedIn.cookie)).body.find((a) => a.account === 'desk1')?.locked).toBe(true);

    // Signing out ends even the stored session.
    await call('logout', {}, admin);
    expect((await call('overview', {}, admin)).status).toBe(401);

    // Space again: sessions are stored, and the access log gets what it missed.
    rmSync(filler);
    const later = await call<{ ok: boolean; session: SessionInfo }>('login', { account: 'ADM', password: PASSWORD });
    expect(later.body.ok).toBe(true);
    expect(later.body.session.memoryOnly).toBeUndefined();
    expect(logins()).toBe(3);
    expect((await call('overview', {}, signedIn.cookie)).status).toBe(200);
  });
});
