// A wall clock the test can set, and a monotonic base that moves only when the test lets time pass.
import type { TimeSource } from '../../main/host/stationClock.js';

export const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);

export class FakeTime implements TimeSource {
  constructor(public wallMs = T0, public monoMs = 5_000) {}
  wall(): number { return this.wallMs; }
  mono(): number { return this.monoMs; }
  /** Real time passes: both clocks move. */
  pass(ms: number): void {
    this.wallMs += ms;
    this.monoMs += ms;
  }
}
