// Wakes the station at its next alarm deadline instead of polling. A long wait is cut into
// pieces so that a system clock that jumps is noticed within a minute.
const MAX_WAIT_MS = 60_000;

export class DeadlineTimer {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly next: () => number | null, private readonly now: () => number, private readonly fire: (now: number) => void) {}

  schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const due = this.next();
    const wait = due === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(0, due - this.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.fire(this.now());
      } finally {
        this.schedule();
      }
    }, wait);
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
