// The station's one clock. Every instant the station records or compares (events, alarm deadlines,
// sign-in sessions and lockouts, the sign-in limiter, recorder segments, backups) is read here.
//
// Policy
// ------
// Station time runs on a monotonic base (a clock that only moves forward, at the rate of real time,
// sleep included) anchored once to the wall clock. The wall clock — what the operating system says
// the time is — is watched every second but never followed on the spot:
//
// 1. A wall-clock jump (either way, from a second to days: the wall clock moved relative to the
//    monotonic base by more than TOLERANCE_MS between two readings) is recorded as `clock.jump`
//    with the reading it would have shown and the one it shows, and the desk shows 时钟异常 until
//    someone acknowledges it. Station time does not move. So a wall clock set a day ahead for two
//    seconds and put back changes no instant the station uses: no legal time limit, meal interval
//    or stay is seen to run out, the recording grace of an interrogation started during or after
//    it counts real seconds (its alarm rises at grace, well within grace + 1 s), every sign-in and
//    questioning session lives on, and the record stays non-decreasing because station time never
//    goes back.
// 2. At start, station time is the wall clock (deadlines that fell while the station was off fire
//    at once), unless the wall clock is behind the record's latest instant: then station time
//    starts at that instant — the record never goes back — and the gap is recorded as a
//    `clock.jump` (cause `start`, before = the record's latest instant).
// 3. A difference between the wall clock and station time that holds steady for ADOPT_AFTER_MS is
//    taken as a real correction of a wrong clock (a jump corrected within minutes never is). It is
//    adopted only while nobody is in custody, because durations are what the rules and the law
//    count: while anyone is held, a constant offset in the labels (documented by the recorded
//    jumps) is harmless, whereas a step would cut or stretch their time limits.
//    - Wall clock ahead: station time steps forward to it (`clock.adjust`, mode `step`).
//    - Wall clock behind: station time may not go back, so it runs at half speed
//      (`clock.adjust`, mode `slew`) until the wall clock has caught up, and at full speed again
//      whenever someone is taken into custody meanwhile.
// 4. Time the machine spends suspended is real time: on Linux the monotonic base includes it
//    (CLOCK_BOOTTIME through /proc/uptime), so a station woken up after a night fires what fell due.
import { readFileSync } from 'node:fs';

/** Beyond this, a change of the wall clock against the monotonic base is a jump. */
export const TOLERANCE_MS = 1000;
/** How long a difference must hold before it is taken as a correction of a wrong clock. */
export const ADOPT_AFTER_MS = 3_600_000;
/** How often the wall clock is compared. */
export const SAMPLE_MS = 1000;
/** Station time's rate while it lets a wall clock that was set back catch up. */
export const SLEW_RATE = 0.5;

export interface TimeSource {
  /** The wall clock, UTC ms: what the operating system says the time is (it may jump). */
  wall(): number;
  /** Milliseconds on a clock that only moves forward at the rate of real time (any origin). */
  mono(): number;
}

/** A virtual time (tests, tools): wall clock and monotonic base are one reading that never jumps. */
export function virtualTime(now: () => number): TimeSource {
  return { wall: now, mono: now };
}

/**
 * CLOCK_MONOTONIC (process.hrtime) stops while the machine sleeps; CLOCK_BOOTTIME does not, and
 * Linux shows it in /proc/uptime (10 ms resolution). Their difference is the time spent asleep:
 * it only grows, and only by whole sleeps, so smaller changes are reading jitter.
 */
export function monotonicWithSleep(hrtimeMs: () => number, uptimeMs: () => number | null): () => number {
  let asleep = 0;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return () => {
    const t = hrtimeMs();
    if (t - checkedAt >= 250) {
      checkedAt = t;
      const boot = uptimeMs();
      if (boot !== null && boot - t > asleep + TOLERANCE_MS) asleep = boot - t;
    }
    return t + asleep;
  };
}

function readUptimeMs(): number | null {
  try {
    const seconds = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    return Number.isFinite(seconds) ? seconds * 1000 : null;
  } catch {
    return null;
  }
}

const hrtimeMs = (): number => Number(process.hrtime.bigint() / 1_000n) / 1000;

export const systemTime: TimeSource = {
  // The one reading of the system's wall clock in the station.
  wall: () => Date.now(),
  mono: process.platform === 'linux' ? monotonicWithSleep(hrtimeMs, readUptimeMs) : hrtimeMs,
};

export interface ClockJump {
  /** `jump`: seen while running; `start`: the wall clock was behind the record at start. */
  readonly cause: 'jump' | 'start';
  /** What the wall clock would read had it not jumped (at start: the record's latest instant). */
  readonly wallBefore: number;
  /** What it reads. */
  readonly wallAfter: number;
}

export interface ClockAdjust {
  readonly mode: 'step' | 'slew';
  /** Station time when the adjustment began. */
  readonly from: number;
  /** The wall clock it adopts. */
  readonly to: number;
}

export interface ClockWatch {
  /** A jump was seen; station time did not follow it. */
  jump(j: ClockJump): void;
  /** Station time began to adopt the wall clock. */
  adjust(a: ClockAdjust): void;
  /** Whether station time may be adjusted now (nobody in custody). */
  quiet(): boolean;
}

/** What the station's services need of time. */
export interface StationTime {
  now(): number;
  /** Real milliseconds until station time reaches `t` (0 when it has). */
  delayUntil(t: number): number;
}

export class StationClock implements StationTime {
  /** Station time at `baseMono`, and its rate from there. */
  private base: number;
  private baseMono: number;
  private rate = 1;
  private last = Number.NEGATIVE_INFINITY;
  /** The wall clock's offset from the monotonic base at the last comparison. */
  private offset: number;
  /** Monotonic instant since which the wall clock has differed from station time without a jump. */
  private differingSince: number | null = null;
  private watch: ClockWatch | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly source: TimeSource = systemTime) {
    const mono = source.mono();
    const wall = source.wall();
    this.base = wall;
    this.baseMono = mono;
    this.offset = wall - mono;
  }

  /** Station time (UTC ms): never decreasing. */
  now(): number {
    const t = Math.floor(this.base + (this.source.mono() - this.baseMono) * this.rate);
    if (t > this.last) this.last = t;
    return this.last;
  }

  delayUntil(t: number): number {
    return Math.max(0, Math.ceil((t - this.now()) / this.rate));
  }

  /**
   * Anchors station time at the start of a station whose record ends at `floor`, and watches the
   * wall clock from now on (every SAMPLE_MS; `sample: false` leaves that to the caller).
   */
  begin(floor: number, watch: ClockWatch, options: { sample?: boolean } = {}): void {
    this.watch = watch;
    const mono = this.source.mono();
    const wall = this.source.wall();
    this.offset = wall - mono;
    this.rebase(mono, Math.max(wall, floor, this.last), 1);
    if (floor - wall > TOLERANCE_MS) {
      this.differingSince = mono;
      watch.jump({ cause: 'start', wallBefore: floor, wallAfter: wall });
    }
    if (options.sample ?? true) {
      this.timer = setInterval(() => this.check(), SAMPLE_MS);
      this.timer.unref();
    }
  }

  /** Compares the wall clock with the monotonic base and with station time once. */
  check(): void {
    const watch = this.watch;
    if (!watch) return;
    const mono = this.source.mono();
    const wall = this.source.wall();
    const offset = wall - mono;
    const jumped = Math.abs(offset - this.offset) > TOLERANCE_MS;
    const wallBefore = Math.round(this.offset + mono);
    this.offset = offset;
    if (jumped) watch.jump({ cause: 'jump', wallBefore, wallAfter: wall });
    this.adopt(mono, wall, jumped, watch);
  }

  private adopt(mono: number, wall: number, jumped: boolean, watch: ClockWatch): void {
    const now = this.now();
    const difference = wall - now;
    if (this.rate !== 1 && (difference >= 0 || jumped || !watch.quiet())) {
      // Caught up, or the wall clock moved again, or someone is in custody: full speed.
      this.rebase(mono, now, 1);
    }
    if (Math.abs(difference) <= TOLERANCE_MS) {
      this.differingSince = null;
      return;
    }
    if (jumped || this.differingSince === null) this.differingSince = mono;
    if (mono - this.differingSince < ADOPT_AFTER_MS || this.rate !== 1 || !watch.quiet()) return;
    if (difference > 0) {
      this.rebase(mono, wall, 1);
      this.differingSince = null;
      watch.adjust({ mode: 'step', from: now, to: wall });
    } else {
      this.rebase(mono, now, SLEW_RATE);
      watch.adjust({ mode: 'slew', from: now, to: wall });
    }
  }

  private rebase(mono: number, stationTime: number, rate: number): void {
    this.base = stationTime;
    this.baseMono = mono;
    this.rate = rate;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watch = null;
  }
}
