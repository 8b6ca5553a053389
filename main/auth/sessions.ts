// Sign-in sessions: a random token in the cookie, only its hash in the database. When the disk is
// full a new session is kept in memory instead (it ends when the station stops), so officers can
// still sign in while someone frees space; the session says so, and the page tells the officer.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../core/store/db.js';
import { isDiskFull } from './diskFull.js';

export const SESSION_MS = 12 * 3_600_000;
/** Sessions kept in memory at most: each needs a sign-in, so this is never reached in practice; the oldest goes first. */
const MEMORY_MAX = 1000;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface FoundSession { readonly account: string; readonly memoryOnly: boolean }

export class Sessions {
  /** token hash → session, oldest first. */
  private readonly memory = new Map<string, { account: string; expiresAt: number }>();
  /** Stored sessions signed out while the disk was full (the row could not be deleted). */
  private readonly revoked = new Set<string>();

  constructor(private readonly db: Db, private readonly now: () => number) {}

  /** A new session of `account`: its token, and whether it could only be kept in memory. */
  open(account: string): { token: string; memoryOnly: boolean } {
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const hash = tokenHash(token);
    try {
      this.db.prepare('INSERT INTO auth_sessions (token_hash, account, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash, account, now, now + SESSION_MS);
      return { token, memoryOnly: false };
    } catch (err) {
      if (!isDiskFull(err)) throw err;
    }
    for (const [h, s] of this.memory) {
      if (s.expiresAt > now && this.memory.size < MEMORY_MAX) break;
      this.memory.delete(h);
    }
    this.memory.set(hash, { account, expiresAt: now + SESSION_MS });
    return { token, memoryOnly: true };
  }

  find(token: string | undefined): FoundSession | null {
    if (!token) return null;
    const hash = tokenHash(token);
    const now = this.now();
    const stored = this.db.prepare('SELECT account, expires_at FROM auth_sessions WHERE token_hash = ?').get(hash) as { account: string; expires_at: number } | undefined;
    if (stored) return stored.expires_at > now && !this.revoked.has(hash) ? { account: stored.account, memoryOnly: false } : null;
    const kept = this.memory.get(hash);
    return kept && kept.expiresAt > now ? { account: kept.account, memoryOnly: true } : null;
  }

  /** Ends one session (sign-out). On a full disk the stored session is revoked in memory instead. */
  end(token: string | undefined): void {
    if (!token) return;
    const hash = tokenHash(token);
    this.memory.delete(hash);
    try {
      this.db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(hash);
    } catch (err) {
      if (!isDiskFull(err)) throw err;
      this.revoked.add(hash);
    }
  }

  /**
   * Ends every stored session of `account`, except the one of `keepToken` when given. Called
   * inside the caller's transaction (a password change, an account disabled), so that on a full
   * disk the whole change fails rather than leaving old sessions alive; after the commit,
   * endInMemory does the same for sessions kept in memory.
   */
  endStored(account: string, keepToken?: string): void {
    this.db.prepare('DELETE FROM auth_sessions WHERE account = ? AND token_hash <> ?').run(account, keepToken ? tokenHash(keepToken) : '');
  }

  endInMemory(account: string, keepToken?: string): void {
    const keep = keepToken ? tokenHash(keepToken) : '';
    for (const [h, s] of this.memory) if (s.account === account && h !== keep) this.memory.delete(h);
  }
}
