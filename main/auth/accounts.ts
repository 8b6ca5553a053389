// Officer accounts: sign-in with lockout after repeated failures, cookie sessions whose tokens
// are stored only as hashes, and the access log.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../core/store/db.js';
import type { Role, SessionInfo } from '../../common/views.js';
import { ROLES } from '../../common/views.js';
import type { AccountView } from '../../common/api.js';
import { hashPassword, verifyPassword } from './password.js';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
export const SESSION_MS = 12 * 3_600_000;

interface AccountRow {
  account: string; officer_id: string; roles: string; password_hash: string; failed_count: number;
  locked_until: number | null; disabled: number; name: string | null;
}

export type SignIn = { ok: true; token: string; session: SessionInfo } | { ok: false; message: string; locked: boolean };

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function parseRoles(json: string): Role[] {
  const list = JSON.parse(json) as unknown;
  return Array.isArray(list) ? list.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
}

export class Accounts {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  private row(account: string): AccountRow | undefined {
    return this.db.prepare(`SELECT a.*, o.name FROM accounts a LEFT JOIN officers o ON o.id = a.officer_id WHERE a.account = ?`).get(account) as AccountRow | undefined;
  }

  private info(row: AccountRow): SessionInfo {
    return { account: row.account, officerId: row.officer_id, name: row.name ?? row.officer_id, roles: parseRoles(row.roles) };
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }

  list(): AccountView[] {
    const now = this.now();
    return (this.db.prepare('SELECT a.*, o.name FROM accounts a LEFT JOIN officers o ON o.id = a.officer_id ORDER BY a.account').all() as AccountRow[])
      .map((r) => ({ ...this.info(r), locked: r.locked_until !== null && r.locked_until > now, disabled: r.disabled === 1 }));
  }

  async save(account: string, officerId: string, roles: readonly Role[], password: string | undefined, disabled: boolean): Promise<void> {
    const now = this.now();
    const existing = this.row(account);
    if (!existing && password === undefined) throw new Error('新账户必须设置密码');
    const hash = password === undefined ? existing?.password_hash : await hashPassword(password);
    this.db.prepare(`INSERT INTO accounts (account, officer_id, roles, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(account) DO UPDATE SET officer_id = excluded.officer_id, roles = excluded.roles, password_hash = excluded.password_hash,
      disabled = excluded.disabled, failed_count = CASE WHEN ? THEN 0 ELSE failed_count END, locked_until = CASE WHEN ? THEN NULL ELSE locked_until END,
      updated_at = excluded.updated_at`)
      .run(account, officerId, JSON.stringify(roles), hash, disabled ? 1 : 0, now, now, password !== undefined ? 1 : 0, password !== undefined ? 1 : 0);
    if (disabled || password !== undefined) this.db.prepare('DELETE FROM auth_sessions WHERE account = ?').run(account);
  }

  async signIn(account: string, password: string): Promise<SignIn> {
    const now = this.now();
    const row = this.row(account);
    // Spend the same scrypt time whether or not the account exists, so timing tells nothing.
    if (!row || row.disabled) {
      await verifyPassword(password, 'scrypt$16384$8$1$00$00');
      return { ok: false, message: '账户或密码错误', locked: false };
    }
    if (row.locked_until !== null && row.locked_until > now) {
      return { ok: false, message: `连续 ${MAX_FAILURES} 次密码错误，账户已锁定至 ${new Date(row.locked_until).toISOString()}`, locked: true };
    }
    if (!(await verifyPassword(password, row.password_hash))) {
      const failures = row.failed_count + 1;
      const lock = failures >= MAX_FAILURES ? now + LOCK_MS : null;
      this.db.prepare('UPDATE accounts SET failed_count = ?, locked_until = ? WHERE account = ?').run(lock ? 0 : failures, lock, account);
      return lock
        ? { ok: false, message: `连续 ${MAX_FAILURES} 次密码错误，账户已锁定 ${LOCK_MS / 60_000} 分钟`, locked: true }
        : { ok: false, message: '账户或密码错误', locked: false };
    }
    this.db.prepare('UPDATE accounts SET failed_count = 0, locked_until = NULL WHERE account = ?').run(account);
    const token = randomBytes(32).toString('base64url');
    this.db.prepare('INSERT INTO auth_sessions (token_hash, account, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256(token), account, now, now + SESSION_MS);
    return { ok: true, token, session: this.info(row) };
  }

  /** The session behind a cookie token, or null (unknown, expired, or the account disabled). */
  session(token: string | undefined): SessionInfo | null {
    if (!token) return null;
    const found = this.db.prepare('SELECT account, expires_at FROM auth_sessions WHERE token_hash = ?').get(sha256(token)) as { account: string; expires_at: number } | undefined;
    if (!found || found.expires_at <= this.now()) return null;
    const row = this.row(found.account);
    return row && !row.disabled ? this.info(row) : null;
  }

  signOut(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(sha256(token));
  }

  async changePassword(account: string, oldPassword: string, newPassword: string): Promise<boolean> {
    const row = this.row(account);
    if (!row || !(await verifyPassword(oldPassword, row.password_hash))) return false;
    this.db.prepare('UPDATE accounts SET password_hash = ?, updated_at = ? WHERE account = ?').run(await hashPassword(newPassword), this.now(), account);
    return true;
  }

  log(account: string, action: string, target: string | null, address: string | null): void {
    this.db.prepare('INSERT INTO access_log (at, account, action, target, address) VALUES (?, ?, ?, ?, ?)').run(this.now(), account, action, target, address);
  }
}
