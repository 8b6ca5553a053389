// Sign-in: lockout after repeated failures, rate limiting, password rules and change, sign-out.
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_MS, MAX_FAILURES } from '../../main/auth/accounts.js';
import { apiHost, PASSWORD, type ApiHost } from '../helpers/apiHost.js';

let h: ApiHost | null = null;
afterEach(async () => { await h?.close(); h = null; });

describe('accounts', () => {
  it('locks an account after repeated failures, for a while', async () => {
    let t = Date.UTC(2026, 2, 2);
    h = await apiHost({}, () => t);
    await h.accounts();
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await h.client().call<{ ok: boolean; message: string }>('login', { account: 'desk1', password: 'wrong-pass1' });
      expect(r.body.ok).toBe(false);
    }
    const locked = await h.client().call<{ ok: boolean; message: string }>('login', { account: 'desk1', password: PASSWORD });
    expect(locked.body).toMatchObject({ ok: false });
    expect(locked.body.message).toContain('锁定');
    t += LOCK_MS + 1;
    const again = await h.client().call<{ ok: boolean }>('login', { account: 'desk1', password: PASSWORD });
    expect(again.body.ok).toBe(true);
  });

  it('rate-limits sign-in attempts per address', async () => {
    h = await apiHost();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await h.client().call('login', { account: `u${i}`, password: 'x' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('sets an HttpOnly, SameSite=Strict cookie and forgets it on sign-out', async () => {
    h = await apiHost();
    const res = await h.app.inject({ method: 'POST', url: '/api/setup', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ officerId: 'ADM', name: '管理员', gender: 'male', password: PASSWORD }) });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const c = h.client(cookie.split(';')[0]);
    expect((await c.call('overview')).status).toBe(200);
    await c.call('logout');
    expect((await c.call('overview')).status).toBe(401);
    expect(h.host.db.prepare('SELECT count(*) AS n FROM auth_sessions').get()).toEqual({ n: 0 });
  });

  it('refuses a second setup and weak passwords, changes a password', async () => {
    h = await apiHost();
    const weak = await h.client().call<{ ok: boolean; message: string }>('setup', { officerId: 'ADM', name: '管理员', gender: 'male', password: 'short' });
    expect(weak.body).toMatchObject({ ok: false });
    const as = await h.accounts();
    expect((await h.client().call('setup', { officerId: 'ADM2', name: '又一个', gender: 'male', password: PASSWORD })).status).toBe(409);
    expect((await as.desk.call<{ ok: boolean }>('changePassword', { oldPassword: 'not-it-1', newPassword: 'newpass123' })).body.ok).toBe(false);
    expect((await as.desk.call<{ ok: boolean }>('changePassword', { oldPassword: PASSWORD, newPassword: 'newpass123' })).body.ok).toBe(true);
    await expect(h.signIn('desk1', PASSWORD)).rejects.toThrow();
    await expect(h.signIn('desk1', 'newpass123')).resolves.toBeTruthy();
  });

  it('keeps at least one working administrator', async () => {
    h = await apiHost();
    const as = await h.accounts();
    const demote = await as.admin.call<{ ok: boolean; message: string }>('saveAccount', { account: 'ADM', officerId: 'ADM', roles: ['desk'] });
    expect(demote.body).toMatchObject({ ok: false });
    const disable = await as.admin.call<{ ok: boolean }>('saveAccount', { account: 'ADM', officerId: 'ADM', roles: ['admin'], disabled: true });
    expect(disable.body.ok).toBe(false);
    expect((await as.admin.call<{ ok: boolean }>('saveAccount', { account: 'sv1', officerId: 'SV1', roles: ['supervisor', 'admin'] })).body.ok).toBe(true);
    expect((await as.admin.call<{ ok: boolean }>('saveAccount', { account: 'ADM', officerId: 'ADM', roles: ['desk'] })).body.ok).toBe(true);
  });

  it('stores no password or session token in clear', async () => {
    h = await apiHost();
    await h.accounts();
    const text = JSON.stringify(h.host.db.prepare('SELECT * FROM accounts').all()) + JSON.stringify(h.host.db.prepare('SELECT * FROM auth_sessions').all());
    expect(text).not.toContain(PASSWORD);
    expect(text).toMatch(/scrypt\$/);
  });
});
