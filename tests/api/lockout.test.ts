// Lockout that holds under concurrency, answers that tell a stranger nothing about which account
// names exist, and a password change that ends the account's other sessions and whose old-password
// guesses count like failed sign-ins.
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_MS, MAX_FAILURES } from '../../main/auth/accounts.js';
import { apiHost, PASSWORD, type ApiHost } from '../helpers/apiHost.js';

let h: ApiHost | null = null;
afterEach(async () => { await h?.close(); h = null; });

type Answer = { status: number; body: { ok: boolean; message?: string; code?: string } };

function login(x: ApiHost, account: string, password: string, remoteAddress = '127.0.0.1'): Promise<Answer> {
  return x.app.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ account, password }), remoteAddress })
    .then((r) => ({ status: r.statusCode, body: r.json<Answer['body']>() }));
}

const lockRow = (x: ApiHost, account: string) => x.host.db.prepare('SELECT failed_count, locked_until FROM accounts WHERE account = ?').get(account) as { failed_count: number; locked_until: number | null };

describe('lockout', () => {
  it('40 parallel wrong passwords from several addresses lock the account; the right one is refused until the lock ends', async () => {
    let t = Date.UTC(2026, 2, 2, 8);
    h = await apiHost({}, () => t);
    await h.accounts();
    const x = h;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(x, 'desk1', `wrong-pass${i}`, `192.168.7.${(i % 8) + 1}`)));
    // None got in; past the per-account limit the rest were not even tried.
    expect(answers.every((a) => a.status === 429 || (a.status === 200 && !a.body.ok))).toBe(true);
    expect(lockRow(h, 'desk1').locked_until).toBe(t + LOCK_MS);

    // After the rate limits' minute, from an address never seen: still locked.
    t += 2 * 60_000;
    const during = await login(h, 'desk1', PASSWORD, '192.168.7.99');
    expect(during).toMatchObject({ status: 200, body: { ok: false } });
    t += LOCK_MS;
    expect((await login(h, 'desk1', PASSWORD, '192.168.7.99')).body.ok).toBe(true);
    expect(lockRow(h, 'desk1')).toEqual({ failed_count: 0, locked_until: null });
  });

  it('counts every one of concurrent failures (no lost update)', async () => {
    const t = Date.UTC(2026, 2, 2, 8);
    h = await apiHost({}, () => t);
    await h.accounts();
    const x = h;
    // Fewer than the lockout, each from its own address: every failure must be on the record.
    await Promise.all(Array.from({ length: MAX_FAILURES - 1 }, (_, i) => login(x, 'op1', `wrong-pass${i}`, `10.1.1.${i + 1}`)));
    expect(lockRow(h, 'op1')).toEqual({ failed_count: MAX_FAILURES - 1, locked_until: null });
    await login(h, 'op1', 'wrong-again1', '10.1.1.50');
    expect(lockRow(h, 'op1').locked_until).toBe(t + LOCK_MS);
  });

  it('answers a locked account, an unknown one and a disabled one identically', async () => {
    const t = Date.UTC(2026, 2, 2, 8);
    h = await apiHost({}, () => t);
    const as = await h.accounts();
    expect((await as.admin.call<{ ok: boolean }>('saveAccount', { account: 'op1', officerId: 'OP1', roles: ['operator'], disabled: true })).body.ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES; i++) await login(h, 'desk1', `wrong-pass${i}`, '10.2.0.1');
    for (let i = 0; i < MAX_FAILURES; i++) await login(h, 'ghost', `wrong-pass${i}`, '10.2.0.2');
    expect(lockRow(h, 'desk1').locked_until).not.toBeNull();

    const locked = await login(h, 'desk1', PASSWORD, '10.2.0.3');
    const lockedWrong = await login(h, 'desk1', 'wrong-pass9', '10.2.0.3');
    const unknown = await login(h, 'ghost', PASSWORD, '10.2.0.4');
    const unknownFresh = await login(h, 'nobody-at-all', PASSWORD, '10.2.0.4');
    const disabled = await login(h, 'op1', PASSWORD, '10.2.0.5');
    const wrong = await login(h, 'sv1', 'wrong-pass1', '10.2.0.6');
    for (const a of [lockedWrong, unknown, unknownFresh, disabled, wrong]) expect(a).toEqual(locked);
    expect(locked.body.message).toContain('锁定');
  });
});

describe('password change', () => {
  it('ends the account\'s other sessions and keeps the one that changed it', async () => {
    h = await apiHost();
    const as = await h.accounts();
    const other = await h.signIn('desk1', PASSWORD);
    const third = await h.signIn('desk1', PASSWORD);
    expect((await other.call('overview')).status).toBe(200);
    const changed = await as.desk.call<{ ok: boolean }>('changePassword', { oldPassword: PASSWORD, newPassword: 'newpass123' });
    expect(changed.body.ok).toBe(true);
    expect((await as.desk.call('overview')).status).toBe(200);
    expect((await other.call('overview')).status).toBe(401);
    expect((await third.call('overview')).status).toBe(401);
    // Other accounts' sessions are untouched.
    expect((await as.operator.call('overview')).status).toBe(200);
  });

  it('counts guesses of the old password toward the lockout, and limits them', async () => {
    let t = Date.UTC(2026, 2, 2, 8);
    h = await apiHost({}, () => t);
    const as = await h.accounts();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      const r = await as.desk.call<{ ok: boolean; message: string }>('changePassword', { oldPassword: `guess-${i}a`, newPassword: 'newpass123' });
      expect(r.body).toMatchObject({ ok: false });
      expect(r.body.message).toContain('原密码错误');
    }
    const last = await as.desk.call<{ ok: boolean; message: string }>('changePassword', { oldPassword: 'guess-last1', newPassword: 'newpass123' });
    expect(last.body.message).toContain('锁定');
    // Locked: the right old password does not help, and neither does signing in again.
    expect((await as.desk.call<{ ok: boolean }>('changePassword', { oldPassword: PASSWORD, newPassword: 'newpass123' })).body.ok).toBe(false);
    expect((await login(h, 'desk1', PASSWORD, '10.3.0.1')).body.ok).toBe(false);
    // And however the guesses are spread, one account gets no more than its share per minute.
    t += LOCK_MS + 1;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await as.desk.call('changePassword', { oldPassword: `x${i}`, newPassword: 'newpass123' })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
