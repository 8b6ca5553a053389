// County accounts (supervisor, admin): scrypt passwords and the station's lockout rule, cookie
// sessions stored only as token hashes, and the access log of reads of personal data (a read
// repeated by the same account of the same thing within a minute is one entry, as at the station).
import { randomBytes } from 'node:crypto';
import type { Role, SessionInfo } from '../../../common/views.js';
import { LOCK_MS, MAX_FAILURES, SESSION_MS, SIGN_IN_REFUSED } from '../../auth/accounts.js';
import { ReadRepeats } from '../../auth/accessLog.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { tokenHash } from '../../auth/sessions.js';
import { inTransaction, type Pool } from './pool.js';

export const COUNTY_ROLES = ['supervisor', 'admin'] as const satisfies readonly Role[];
export type CountyRole = (typeof COUNTY_ROLES)[number];

const NO_HASH = 'scrypt$16384$8$1$00$00';
const TARGET_MAX = 500;

export type CountySignIn = { ok: true; token: string; session: SessionInfo } | { ok: false; message: string };

interface Row { account: string; name: string; roles: string[]; password_hash: string; disabled: boolean; locked_until: string | null }

const info = (r: Pick<Row, 'account' | 'name' | 'roles'>): SessionInfo => ({
  account: r.account, officerId: r.account, name: r.name, roles: r.roles.filter((x): x is CountyRole => (COUNTY_ROLES as readonly string[]).includes(x)),
});

export class CountyAccounts {
  private readonly repeats = new ReadRepeats();

  constructor(private readonly pool: Pool, private readonly now: () => number) {}

  /** Creates or changes an account (the county's `account` command). */
  async save(account: string, name: string, roles: readonly CountyRole[], password: string | undefined, disabled: boolean): Promise<void> {
    const hash = password === undefined ? null : await hashPassword(password);
    const now = this.now();
    await inTransaction(this.pool, async (c) => {
      const r = await c.query(`INSERT INTO accounts (account, name, roles, password_hash, disabled, created_at, updated_at)
        SELECT $1, $2, $3, $4, $5, $6, $6 WHERE $4::text IS NOT NULL
        ON CONFLICT (account) DO UPDATE SET name = excluded.name, roles = excluded.roles, disabled = excluded.disabled, updated_at = excluded.updated_at,
          password_hash = excluded.password_hash, failed_count = 0, locked_until = NULL`, [account, name, roles, hash, disabled, now]);
      if (r.rowCount === 0) {
        const u = await c.query('UPDATE accounts SET name = $2, roles = $3, disabled = $4, updated_at = $5 WHERE account = $1', [account, name, roles, disabled, now]);
        if (u.rowCount === 0) throw new Error(`新账户 ${account} 必须设置密码`);
      }
      if (disabled || hash !== null) await c.query('DELETE FROM auth_sessions WHERE account = $1', [account]);
    });
  }

  async signIn(account: string, password: string): Promise<CountySignIn> {
    const before = (await this.pool.query<Row>('SELECT * FROM accounts WHERE account = $1', [account])).rows[0];
    // One scrypt whatever the account: timing says nothing of which accounts exist.
    const matches = await verifyPassword(password, before && !before.disabled ? before.password_hash : NO_HASH);
    if (!before || before.disabled) return { ok: false, message: SIGN_IN_REFUSED };
    const now = this.now();
    // The lockout decided in one statement: concurrent guesses each count.
    const r = await this.pool.query<{ granted: boolean }>(`UPDATE accounts SET
        failed_count = CASE WHEN coalesce(locked_until, 0) > $3 THEN failed_count WHEN $2 THEN 0
          WHEN failed_count + 1 >= $4 THEN 0 ELSE failed_count + 1 END,
        locked_until = CASE WHEN coalesce(locked_until, 0) > $3 THEN locked_until WHEN $2 THEN NULL
          WHEN failed_count + 1 >= $4 THEN $5 ELSE locked_until END
      WHERE account = $1 AND NOT disabled AND password_hash = $6
      RETURNING $2 AND coalesce((SELECT locked_until FROM accounts WHERE account = $1), 0) <= $3 AS granted`,
    [account, matches, now, MAX_FAILURES, now + LOCK_MS, before.password_hash]);
    if (r.rows[0]?.granted !== true) return { ok: false, message: SIGN_IN_REFUSED };
    const token = randomBytes(32).toString('base64url');
    await this.pool.query('INSERT INTO auth_sessions (token_hash, account, created_at, expires_at) VALUES ($1, $2, $3, $4)', [tokenHash(token), account, now, now + SESSION_MS]);
    return { ok: true, token, session: info(before) };
  }

  async session(token: string | undefined): Promise<SessionInfo | null> {
    if (!token) return null;
    const r = await this.pool.query<Row>(`SELECT a.* FROM auth_sessions s JOIN accounts a ON a.account = s.account
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT a.disabled`, [tokenHash(token), this.now()]);
    const row = r.rows[0];
    return row ? info(row) : null;
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.pool.query('DELETE FROM auth_sessions WHERE token_hash = $1', [tokenHash(token)]);
  }

  async log(account: string, action: string, station: string | null, target: string | null, address: string | null): Promise<void> {
    await this.pool.query('INSERT INTO access_log (at, account, action, station, target, address) VALUES ($1, $2, $3, $4, $5, $6)',
      [this.now(), account, action, station, target === null ? null : target.slice(0, TARGET_MAX), address]);
  }

  /** A read of personal data, once per READ_REPEAT_MS for the same read. */
  async logRead(account: string, action: string, station: string | null, target: string | null, address: string | null): Promise<void> {
    if (this.repeats.isNew([account, action, station, target, address], this.now())) await this.log(account, action, station, target, address);
  }
}
