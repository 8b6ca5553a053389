// A ReaderSink that records what it hears and lets a test wait for a condition on it. Waits
// end on the events themselves; the timeout only turns a hang into a failure that says what
// was awaited.
import type { ReaderSink, TagReading } from '../../hardware/rfid/types.js';

export interface StatusChange {
  reader: string;
  online: boolean;
  at: number;
  reason: string;
}

interface Waiter {
  test: () => boolean;
  done: () => void;
}

export class RecordingSink implements ReaderSink {
  readonly reads: TagReading[] = [];
  readonly statuses: StatusChange[] = [];
  private waiters: Waiter[] = [];

  tagRead(r: TagReading): void {
    this.reads.push(r);
    this.check();
  }

  deviceStatus(reader: string, online: boolean, at: number, reason: string): void {
    this.statuses.push({ reader, online, at, reason });
    this.check();
  }

  tagsSince(index: number): Set<string> {
    return new Set(this.reads.slice(index).map((r) => r.tag));
  }

  lastStatus(reader: string): StatusChange | undefined {
    return this.statuses.filter((s) => s.reader === reader).at(-1);
  }

  waitFor(what: string, test: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; reads: ${this.reads.length}, statuses: ${JSON.stringify(this.statuses)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        test,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits until every one of `tags` has been read since read number `since`. */
  waitForTags(tags: readonly string[], since = 0, timeoutMs?: number): Promise<void> {
    return this.waitFor(`reads of ${tags.join(', ')}`, () => {
      const seen = this.tagsSince(since);
      return tags.every((t) => seen.has(t));
    }, timeoutMs);
  }

  waitForStatus(reader: string, online: boolean, timeoutMs?: number): Promise<void> {
    return this.waitFor(`${reader} ${online ? 'online' : 'offline'}`, () => this.lastStatus(reader)?.online === online, timeoutMs);
  }

  protected check(): void {
    const ready = this.waiters.filter((w) => w.test());
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.done();
  }
}
