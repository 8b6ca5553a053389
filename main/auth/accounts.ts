// Officer accounts: sign-in with lockout after repeated failures, cookie sessions whose tokens
// are stored only as hashes (see sessions.ts), and the access log (see accessLog.ts).
//
// Every decision that depends on what concurrent requests did — "no account yet", "still one
// working administrator", "the fifth failure locks" — is taken in one SQLite transaction after
// the (slow, awaited) scrypt work is done, never from a row read before an await.
import type { Db } from '../core/store/db.js';
import type { Role, SessionInfo } from '../../common/views.js';
import { ROLES } from '../../common/views.js';
import type { AccountView } from '../../common/api.js';
import { AccessLog } from './accessLog.js';
import { isDiskFull } from './diskFull.js';
import { hashPassword, verifyPassword } from './password.js';
import { Sessions } from './sessions.js';

export { SESSION_MS } from './sessions.js';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

/**
 * The one answer to every refused sign-in — wrong password, unknown or disabled account, locked
 * account — so that nobody learns from it which account names exist or which are locked.
 */
export const SIGN_IN_REFUSED = `账户或密码错误；连续 ${MAX_FAILURES} 次密码错误的账户将锁定 ${LOCK_MS / 60_000} 分钟`;
const OLD_PASSWORD_WRONG = `原密码错误；连续 ${MAX_FAILURES} 次错误将锁定账户 ${LOCK_MS / 60_000} 分钟`;
const ACCOUNT_LOCKED = `连续 ${MAX_FAILURES} 次密码错误，账户已锁定，请稍后再试`;
const DISK_FULL = '工作站磁盘已满，无法保存：请先释放磁盘空间';
const KEEP_ONE_ADMIN = '至少须保留一个可用的管理员账户';

/** Checked with a password that matches nothing, so an unknown account costs the same scrypt time as a known one. */
const NO_HASH = 'scrypt$16384$8$1$00$00';

interface AccountRow {
  account: string; officer_id: string; roles: string; password_hash: string; failed_count: number;
  locked_until: number | null; disabled: number; name: string | null;
}

export type SignIn = { ok: true; token: string; session: SessionInfo } | { ok: false; message: string };
export type Outcome = { ok: true } | { ok: false; message: string };

class Refused extends Error {}

function parseRoles(json: string): Role[] {
  const list = JSON.parse(json) as unknown;
  return Array.isArray(list) ? list.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
}

export class Accounts {
  private readonly sessions: Sessions;
  private readonly access: AccessLog;
  /** Failures counted while the disk was full (on top of the stored count), and locks set then. */
  private readonly memoryFailures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly db: Db, private readonly now: () => number) {
    this.sessions = new Sessions(db, now);
    this.access = new AccessLog(db, now);
  }

  private row(account: string): AccountRow | undefined {
    return this.db.prepare(`SELECT a.*, o.name FROM accounts a LEFT JOIN officers o ON o.id = a.officer_id WHERE a.account = ?`).get(account) as AccountRow | undefined;
  }

  private info(row: AccountRow, memoryOnly = false): SessionInfo {
    return { account: row.account, officerId: row.officer_id, name: row.name ?? row.officer_id, roles: parseRoles(row.roles), ...(memoryOnly ? { memoryOnly } : {}) };
  }

  private lockedUntil(row: Pick<AccountRow, 'account' | 'locked_until'>): number {
    return Math.max(row.locked_until ?? 0, this.memoryFailures.get(row.account)?.lockedUntil ?? 0);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }

  list(): AccountView[] {
    const now = this.now();
    return (this.db.prepare('SELECT a.*, o.name FROM accounts a LEFT JOIN officers o ON o.id = a.officer_id ORDER BY a.account').all() as AccountRow[])
      .map((r) => ({ ...this.info(r), locked: this.lockedUntil(r) > now, disabled: r.disabled === 1 }));
  }

  /**
   * The first administrator, only while there is no account at all (checked and created in one
   * statement: of concurrent first-run setups exactly one wins). Signed in at once.
   */
  async createFirstAdmin(officerId: string, password: string, registerOfficer: () => Outcome): Promise<SignIn | 'already_set_up'> {
    if (this.count() > 0) return 'already_set_up';
    const hash = await hashPassword(password);
    // From here on nothing awaits: the check, the officer and the account happen together.
    if (this.count() > 0) return 'already_set_up';
    const registered = registerOfficer();
    if (!registered.ok) return registered;
    const now = this.now();
    const created = this.db.prepare(`INSERT INTO accounts (account, officer_id, roles, password_hash, disabled, created_at, updated_at)
      SELECT ?, ?, ?, ?, 0, ?, ? WHERE NOT EXISTS (SELECT 1 FROM accounts)`)
      .run(officerId, officerId, JSON.stringify(['admin', 'desk', 'operator'] satisfies Role[]), hash, now, now);
    if (created.changes !== 1) return 'already_set_up';
    return this.openSession(officerId);
  }

  /**
   * Creates or changes an account. Refused when it would leave no enabled administrator — decided
   * inside the same transaction as the change, so concurrent edits cannot each leave "the other one".
   */
  async save(account: string, officerId: string, roles: readonly Role[], password: string | undefined, disabled: boolean): Promise<Outcome> {
    const hash = password === undefined ? undefined : await hashPassword(password);
    const now = this.now();
    const reset = hash !== undefined ? 1 : 0;
    try {
      this.db.transaction(() => {
        const existing = this.row(account);
        if (!existing && hash === undefined) throw new Refused('新账户必须设置密码');
        this.db.prepare(`INSERT INTO accounts (account, officer_id, roles, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(account) DO UPDATE SET officer_id = excluded.officer_id, roles = excluded.roles, password_hash = excluded.password_hash,
          disabled = excluded.disabled, failed_count = CASE WHEN ? THEN 0 ELSE failed_count END, locked_until = CASE WHEN ? THEN NULL ELSE locked_until END,
          updated_at = excluded.updated_at`)
          .run(account, officerId, JSON.stringify(roles), hash ?? existing?.password_hash, disabled ? 1 : 0, now, now, reset, reset);
        const admins = (this.db.prepare(`SELECT count(*) AS n FROM accounts a WHERE a.disabled = 0 AND EXISTS (SELECT 1 FROM json_each(a.roles) WHERE value = 'admin')`).get() as { n: number }).n;
        if (admins === 0) throw new Refused(KEEP_ONE_ADMIN);
        if (disabled || hash !== undefined) this.sessions.endStored(account);
      })();
    } catch (err) {
      if (err instanceof Refused) return { ok: false, message: err.message };
      if (isDiskFull(err)) return { ok: false, message: DISK_FULL };
      throw err;
    }
    if (disabled || hash !== undefined) this.sessions.endInMemory(account);
    if (hash !== undefined) this.memoryFailures.delete(account);
    return { ok: true };
  }

  async signIn(account: string, password: string): Promise<SignIn> {
    const before = this.row(account);
    // Always one scrypt, whether or not the account exists, is disabled or locked: timing tells nothing.
    const matches = await verifyPassword(password, before && !before.disabled ? before.password_hash : NO_HASH);
    const row = this.row(account);
    if (!row || row.disabled || row.password_hash !== before?.password_hash) return { ok: false, message: SIGN_IN_REFUSED };
    if (!this.checkPassword(row, matches)) return { ok: false, message: SIGN_IN_REFUSED };
    return this.openSession(account);
  }

  /**
   * Settles one password check against the lockout, after the scrypt wait: refused while locked;
   * a wrong password counts one failure and the MAX_FAILURES-th locks — one statement in one
   * transaction, so concurrent guesses each count. On a full disk the count goes on in memory.
   */
  private checkPassword(row: AccountRow, matches: boolean): boolean {
    const now = this.now();
    const account = row.account;
    try {
      const outcome = this.db.transaction((): 'locked' | 'failed' | 'granted' => {
        const current = this.db.prepare('SELECT failed_count, locked_until FROM accounts WHERE account = ?').get(account) as Pick<AccountRow, 'failed_count' | 'locked_until'> | undefined;
        if (!current || this.lockedUntil({ account, locked_until: current.locked_until }) > now) return 'locked';
        if (!matches) {
          // Failures counted in memory while the disk was full are folded into the stored count.
          const extra = this.memoryFailures.get(account)?.count ?? 0;
          this.db.prepare(`UPDATE accounts SET
            failed_count = CASE WHEN failed_count + 1 + @extra >= @max THEN 0 ELSE failed_count + 1 + @extra END,
            locked_until = CASE WHEN failed_count + 1 + @extra >= @max THEN @until ELSE locked_until END
            WHERE account = @account`).run({ extra, max: MAX_FAILURES, until: now + LOCK_MS, account });
          return 'failed';
        }
        if (current.failed_count !== 0 || current.locked_until !== null) {
          this.db.prepare('UPDATE accounts SET failed_count = 0, locked_until = NULL WHERE account = ?').run(account);
        }
        return 'granted';
      })();
      // Memory is touched only once the commit went through: on a full disk it is the commit that fails.
      if (outcome !== 'locked') this.memoryFailures.delete(account);
      return outcome === 'granted';
    } catch (err) {
      if (!isDiskFull(err)) throw err;
      return this.checkPasswordInMemory(row, matches, now);
    }
  }

  /** The same decision while nothing can be written: failures counted on top of the stored count. */
  private checkPasswordInMemory(row: AccountRow, matches: boolean, now: number): boolean {
    const current = this.row(row.account);
    if (!current || this.lockedUntil(current) > now) return false;
    const kept = this.memoryFailures.get(row.account) ?? { count: 0, lockedUntil: 0 };
    if (matches) {
      this.memoryFailures.delete(row.account);
      return true;
    }
    // A lock taken here also spends the stored failures: they are counted below zero in memory.
    const failures = current.failed_count + kept.count + 1;
    this.memoryFailures.set(row.account, failures >= MAX_FAILURES
      ? { count: -current.failed_count, lockedUntil: now + LOCK_MS }
      : { count: kept.count + 1, lockedUntil: kept.lockedUntil });
    return false;
  }

  private openSession(account: string): SignIn {
    const row = this.row(account);
    if (!row) return { ok: false, message: SIGN_IN_REFUSED };
    const { token, memoryOnly } = this.sessions.open(account);
    return { ok: true, token, session: this.info(row, memoryOnly) };
  }

  /** The session behind a cookie token, or null (unknown, expired, or the account disabled). */
  session(token: string | undefined): SessionInfo | null {
    const found = this.sessions.find(token);
    if (!found) return null;
    const row = this.row(found.account);
    return row && !row.disabled ? this.info(row, found.memoryOnly) : null;
  }

  signOut(token: string | undefined): void {
    this.sessions.end(token);
  }

  /**
   * A signed-in officer's new password. The old one is checked like a sign-in (a wrong one counts
   * toward the lockout); the change ends the account's other sessions, keeping `keepToken`'s.
   */
  async changePassword(account: string, keepToken: string | undefined, oldPassword: string, newPassword: string): Promise<Outcome> {
    const before = this.row(account);
    if (!before) return { ok: false, message: OLD_PASSWORD_WRONG };
    if (this.lockedUntil(before) > this.now()) return { ok: false, message: ACCOUNT_LOCKED };
    const matches = await verifyPassword(oldPassword, before.password_hash);
    const row = this.row(account);
    if (!row || row.password_hash !== before.password_hash) return { ok: false, message: OLD_PASSWORD_WRONG };
    if (!this.checkPassword(row, matches)) {
      return { ok: false, message: this.lockedUntil(this.row(account) ?? row) > this.now() ? ACCOUNT_LOCKED : OLD_PASSWORD_WRONG };
    }
    const hash = await hashPassword(newPassword);
    try {
      this.db.transaction(() => {
        const changed = this.db.prepare('UPDATE accounts SET password_hash = ?, failed_count = 0, locked_until = NULL, updated_at = ? WHERE account = ? AND password_hash = ?')
          .run(hash, this.now(), account, row.password_hash);
        if (changed.changes !== 1) throw new Refused(OLD_PASSWORD_WRONG);
        this.sessions.endStored(account, keepToken);
      })();
    } catch (err) {
      if (err instanceof Refused) return { ok: false, message: err.message };
      if (isDiskFull(err)) return { ok: false, message: DISK_FULL };
      throw err;
    }
    this.sessions.endInMemory(account, keepToken);
    this.memoryFailures.delete(account);
    return { ok: true };
  }

  /** An entry in the access log (sign-ins, downloads). */
  log(account: string, action: string, target: string | null, address: string | null): void {
    this.access.write(account, action, target, address);
  }

  /** A read of personal data in the access log (a repeat within a minute is the same entry). */
  logRead(account: string, action: string, target: string | null, address: string | null): void {
    this.access.read(account, action, target, address);
  }
}
