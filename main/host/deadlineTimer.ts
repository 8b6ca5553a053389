// Wakes the station at its next alarm deadline instead of polling. The wait is measured on the
// station clock (monotonic), so a wall clock that jumps neither fires a deadline early nor holds it
// back; a long wait is still cut into pieces so that a change of the clock's rate (a slew) or a
// step forward is followed within a minute even if nothing else reschedules.
import type { StationTime } from './stationClock.js';

const MAX_WAIT_MS = 60_000;

export class DeadlineTimer {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly next: () => number | null, private readonly clock: StationTime, private readonly fire: (now: number) => void) {}

  schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const due = this.next();
    const wait = due === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, this.clock.delayUntil(due));
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.fire(this.clock.now());
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
