// Sign-in attempts per key (a client address, or an account name) within a sliding window; a
// key that reaches the limit is blocked for one window, and the server answers 429 before it
// spends any scrypt time.
//
// The table is bounded, and a flood of other keys never frees a blocked one:
// - keys still counting are kept least-recently-used first; when the table is full, the one
//   idle longest is forgotten (that forgives at most limit − 1 attempts, which the per-account
//   limit and the account lockout still bound);
// - a blocked key is never forgotten before its block ends;
// - when the whole table is blocked keys, a key it does not know yet is refused until a block
//   ends (fail closed: forgetting a block would let its owner go on guessing). Keys given as
//   `neverRefusedWhenFull` (the desk's own loopback addresses, which nobody on the network can
//   use) are still counted and blocked like any other, but never refused only because of the
//   table.
export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
  readonly now: () => number;
  /** Keys kept at most (counting and blocked together). */
  readonly capacity?: number;
  readonly neverRefusedWhenFull?: (key: string) => boolean;
}

export const DEFAULT_CAPACITY = 10_000;

export class RateLimiter {
  /** Attempt times of keys under the limit, least recently used first (Map order). */
  private readonly counting = new Map<string, number[]>();
  /** Block end of each blocked key; all blocks last one window, so Map order is expiry order. */
  private readonly blocked = new Map<string, number>();
  private readonly capacity: number;

  constructor(private readonly options: RateLimitOptions) {
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
  }

  /** Counts an attempt by `key`; false when it must be refused. */
  allow(key: string): boolean {
    const t = this.options.now();
    this.expire(t);
    if (this.blocked.has(key)) return false;
    const hits = this.counting.get(key)?.filter((x) => x > t - this.options.windowMs);
    if (hits === undefined && !this.makeRoom() && !this.options.neverRefusedWhenFull?.(key)) return false;
    const recent = hits ?? [];
    recent.push(t);
    this.counting.delete(key);
    if (recent.length >= this.options.limit) this.blocked.set(key, t + this.options.windowMs);
    else this.counting.set(key, recent);
    return true;
  }

  /** Whether `key` is blocked now (without counting an attempt). */
  isBlocked(key: string): boolean {
    this.expire(this.options.now());
    return this.blocked.has(key);
  }

  get size(): number {
    return this.counting.size + this.blocked.size;
  }

  /** Ends blocks that are over and forgets keys idle for a whole window (both oldest first). */
  private expire(t: number): void {
    for (const [key, until] of this.blocked) {
      if (until > t) break;
      this.blocked.delete(key);
    }
    for (const [key, hits] of this.counting) {
      if ((hits[hits.length - 1] ?? 0) > t - this.options.windowMs) break;
      this.counting.delete(key);
    }
  }

  /** Room for one more key: forgets the longest-idle counting key if need be; false when only blocks fill the table. */
  private makeRoom(): boolean {
    if (this.size < this.capacity) return true;
    const oldest = this.counting.keys().next();
    if (oldest.done) return false;
    this.counting.delete(oldest.value);
    return true;
  }
}
