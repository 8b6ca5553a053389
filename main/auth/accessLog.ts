// The access log: sign-ins, downloads, and every read of personal data by a supervisor. Two
// things keep it honest without letting it drown the disk:
// - a read repeated by the same account, from the same address, of the same thing within a
//   minute is one entry (a supervisor's dashboard re-reads the overview on every change; the
//   log says from when they watched, not each refresh);
// - while the disk is full, entries wait in memory (at most PENDING_MAX; beyond that the oldest
//   are dropped and their number is logged) and are written with the next entry that fits.
import type { Db } from '../core/store/db.js';
import { isDiskFull } from './diskFull.js';

export const READ_REPEAT_MS = 60_000;
const PENDING_MAX = 10_000;
/** A read's target (e.g. a search's filters) is kept to this many characters. */
const TARGET_MAX = 500;

/** Which reads are new: the same read (the same parts) within READ_REPEAT_MS of the last logged one is not. */
export class ReadRepeats {
  /** The last logged instant of each read, oldest first. */
  private readonly lastRead = new Map<string, number>();

  isNew(parts: readonly unknown[], now: number): boolean {
    const key = JSON.stringify(parts);
    const last = this.lastRead.get(key);
    if (last !== undefined && now - last < READ_REPEAT_MS && now >= last) return false;
    this.lastRead.delete(key);
    this.lastRead.set(key, now);
    for (const [k, at] of this.lastRead) {
      if (now - at < READ_REPEAT_MS) break;
      this.lastRead.delete(k);
    }
    return true;
  }
}

interface Entry { readonly at: number; readonly account: string; readonly action: string; readonly target: string | null; readonly address: string | null }

export class AccessLog {
  private readonly pending: Entry[] = [];
  private dropped = 0;
  private readonly repeats = new ReadRepeats();

  constructor(private readonly db: Db, private readonly now: () => number) {}

  /** Writes one entry (kept in memory while the disk is full). */
  write(account: string, action: string, target: string | null, address: string | null): void {
    this.pending.push({ at: this.now(), account, action, target: target === null ? null : target.slice(0, TARGET_MAX), address });
    if (this.pending.length > PENDING_MAX) {
      this.pending.shift();
      this.dropped++;
    }
    this.flush();
  }

  /** Logs a read of personal data, once per READ_REPEAT_MS for the same read. */
  read(account: string, action: string, target: string | null, address: string | null): void {
    if (this.repeats.isNew([account, action, target, address], this.now())) this.write(account, action, target, address);
  }

  private flush(): void {
    const insert = this.db.prepare('INSERT INTO access_log (at, account, action, target, address) VALUES (?, ?, ?, ?, ?)');
    try {
      this.db.transaction(() => {
        if (this.dropped > 0) {
          const first = this.pending[0];
          insert.run(first?.at ?? this.now(), 'station', 'access_log_dropped', String(this.dropped), null);
        }
        for (const e of this.pending) insert.run(e.at, e.account, e.action, e.target, e.address);
      })();
      this.pending.length = 0;
      this.dropped = 0;
    } catch (err) {
      if (!isDiskFull(err)) throw err;
    }
  }
}
