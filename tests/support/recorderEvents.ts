// A RecorderSink for tests: keeps every status and segment and lets a test wait for the one it
// expects. The wait is bounded; the assertion is on what arrived, never on time passing.
import type { RecorderSink, RecorderStatus, SegmentRecord } from '../../hardware/camera/types.js';

type Item = { kind: 'status'; s: RecorderStatus } | { kind: 'segment'; s: SegmentRecord };

export class RecordingLog implements RecorderSink {
  readonly statuses: RecorderStatus[] = [];
  readonly segments: SegmentRecord[] = [];
  private waiters: { test: (i: Item) => boolean; resolve: (i: Item) => void }[] = [];

  status(s: RecorderStatus): void {
    this.statuses.push(s);
    this.offer({ kind: 'status', s });
  }

  segment(s: SegmentRecord): void {
    this.segments.push(s);
    this.offer({ kind: 'segment', s });
  }

  /** The next status (after this call) that matches. */
  nextStatus(match: (s: RecorderStatus) => boolean, timeoutMs: number, what: string): Promise<RecorderStatus> {
    return this.next((i) => i.kind === 'status' && match(i.s), timeoutMs, what).then((i) => i.s as RecorderStatus);
  }

  /** The next segment (after this call) that matches. */
  nextSegment(match: (s: SegmentRecord) => boolean, timeoutMs: number, what: string): Promise<SegmentRecord> {
    return this.next((i) => i.kind === 'segment' && match(i.s), timeoutMs, what).then((i) => i.s as SegmentRecord);
  }

  private next(test: (i: Item) => boolean, timeoutMs: number, what: string): Promise<Item> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; statuses so far: ${JSON.stringify(this.statuses.map((s) => [s.online, s.recording, s.reason]))}`));
      }, timeoutMs);
      const waiter = { test, resolve: (i: Item) => { clearTimeout(timer); resolve(i); } };
      this.waiters.push(waiter);
    });
  }

  private offer(i: Item): void {
    for (const w of [...this.waiters]) {
      if (w.test(i)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(i);
      }
    }
  }
}

/** Resolves once `cond` holds, looking every 20 ms; for state no event announces (current().reason). */
export function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const look = () => {
      if (cond()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      setTimeout(look, 20);
    };
    look();
  });
}
