// Fires when nothing has kicked it for `ms`. Kicks only record a time (a reader may deliver
// thousands of frames a second); the single timer re-arms itself for the remainder. Monotonic
// time, so a wall-clock step (NTP) cannot make a live reader look silent.
export class Watchdog {
  private last = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ms: number,
    private readonly expired: () => void,
  ) {}

  start(): void {
    this.stop();
    this.last = performance.now();
    this.arm(this.ms);
  }

  kick(): void {
    this.last = performance.now();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      const idle = performance.now() - this.last;
      if (idle >= this.ms) {
        this.timer = null;
        this.expired();
      } else {
        this.arm(this.ms - idle);
      }
    }, ms);
  }
}
