// The station clock on an injected wall clock and monotonic base: jumps are seen and not followed,
// the record's latest instant is a floor at start, and a lasting difference is adopted only while
// nobody is in custody — forward by a step, backward by running at half speed.
import { afterEach, describe, expect, it } from 'vitest';
import { ADOPT_AFTER_MS, monotonicWithSleep, SLEW_RATE, StationClock, TOLERANCE_MS, type ClockAdjust, type ClockJump } from '../../main/host/stationClock.js';
import { FakeTime, T0 } from '../helpers/fakeTime.js';

const DAY = 86_400_000;

interface Watched { jumps: ClockJump[]; adjusts: ClockAdjust[]; quiet: boolean }

function watched(floor = Number.NEGATIVE_INFINITY, source = new FakeTime()): { clock: StationClock; time: FakeTime; seen: Watched } {
  const seen: Watched = { jumps: [], adjusts: [], quiet: true };
  const clock = new StationClock(source);
  clock.begin(floor, { jump: (j) => seen.jumps.push(j), adjust: (a) => seen.adjusts.push(a), quiet: () => seen.quiet }, { sample: false });
  clocks.push(clock);
  return { clock, time: source, seen };
}

const clocks: StationClock[] = [];
afterEach(() => { for (const c of clocks.splice(0)) c.stop(); });

/** Lets `ms` pass in steps of one sample, checking the wall clock after each, like the running station. */
function run(clock: StationClock, time: FakeTime, ms: number, step = 1000): void {
  for (let t = 0; t < ms; t += step) {
    time.pass(Math.min(step, ms - t));
    clock.check();
  }
}

describe('StationClock', () => {
  it('starts at the wall clock and runs on the monotonic base', () => {
    const { clock, time } = watched();
    expect(clock.now()).toBe(T0);
    run(clock, time, 5000);
    expect(clock.now()).toBe(T0 + 5000);
  });

  it('records a jump a day ahead and the jump back, and does not follow either', () => {
    const { clock, time, seen } = watched();
    run(clock, time, 60_000);
    time.wallMs += DAY;
    clock.check();
    expect(seen.jumps).toEqual([{ cause: 'jump', wallBefore: T0 + 60_000, wallAfter: T0 + 60_000 + DAY }]);
    expect(clock.now()).toBe(T0 + 60_000);
    run(clock, time, 2000);
    time.wallMs -= DAY;
    clock.check();
    expect(seen.jumps[1]).toEqual({ cause: 'jump', wallBefore: T0 + 62_000 + DAY, wallAfter: T0 + 62_000 });
    expect(clock.now()).toBe(T0 + 62_000);
    run(clock, time, 10_000);
    expect(clock.now()).toBe(T0 + 72_000);
    expect(seen.adjusts).toEqual([]);
  });

  it('records a jump back and keeps going forward', () => {
    const { clock, time, seen } = watched();
    run(clock, time, 10_000);
    time.wallMs -= 3 * 3_600_000;
    clock.check();
    expect(seen.jumps).toEqual([{ cause: 'jump', wallBefore: T0 + 10_000, wallAfter: T0 + 10_000 - 3 * 3_600_000 }]);
    const before = clock.now();
    run(clock, time, 1000);
    expect(clock.now()).toBe(before + 1000);
  });

  it('does not call a change within the tolerance a jump', () => {
    const { clock, time, seen } = watched();
    time.wallMs += TOLERANCE_MS - 1;
    clock.check();
    time.wallMs -= TOLERANCE_MS - 1;
    clock.check();
    expect(seen.jumps).toEqual([]);
  });

  it('starts at the record’s latest instant when the wall clock is behind it, and says so', () => {
    const floor = T0 + 2 * 3_600_000;
    const { clock, time, seen } = watched(floor);
    expect(clock.now()).toBe(floor);
    expect(seen.jumps).toEqual([{ cause: 'start', wallBefore: floor, wallAfter: T0 }]);
    run(clock, time, 1000);
    expect(clock.now()).toBe(floor + 1000);
  });

  it('starts quietly at the floor when the wall clock is behind it by less than the tolerance', () => {
    const { clock, seen } = watched(T0 + 200);
    expect(clock.now()).toBe(T0 + 200);
    expect(seen.jumps).toEqual([]);
  });

  it('adopts a wall clock set ahead for good with one step, only once nobody is in custody', () => {
    const { clock, time, seen } = watched();
    time.wallMs += 8 * 3_600_000;
    clock.check();
    seen.quiet = false;
    run(clock, time, ADOPT_AFTER_MS + 60_000, 60_000);
    expect(seen.adjusts).toEqual([]);
    expect(clock.now()).toBe(T0 + ADOPT_AFTER_MS + 60_000);
    seen.quiet = true;
    const from = clock.now();
    run(clock, time, 1000);
    expect(seen.adjusts).toEqual([{ mode: 'step', from: from + 1000, to: time.wallMs }]);
    expect(clock.now()).toBe(time.wallMs);
    run(clock, time, 1000);
    expect(seen.adjusts).toHaveLength(1);
  });

  it('does not adopt a jump corrected within the adoption time', () => {
    const { clock, time, seen } = watched();
    time.wallMs += DAY;
    clock.check();
    run(clock, time, ADOPT_AFTER_MS - 60_000, 60_000);
    time.wallMs -= DAY;
    clock.check();
    run(clock, time, 2 * ADOPT_AFTER_MS, 60_000);
    expect(seen.adjusts).toEqual([]);
    expect(clock.now()).toBe(time.wallMs);
  });

  it('lets a wall clock set back catch up by running at half speed while the area is empty', () => {
    const { clock, time, seen } = watched();
    const behind = 10 * 60_000;
    time.wallMs -= behind;
    clock.check();
    run(clock, time, ADOPT_AFTER_MS - 60_000, 60_000);
    expect(seen.adjusts).toEqual([]);
    run(clock, time, 60_000, 60_000);
    expect(seen.adjusts).toEqual([{ mode: 'slew', from: clock.now(), to: time.wallMs }]);
    // At half speed the wall clock gains half of every real second.
    const start = clock.now();
    let last = start;
    run(clock, time, 60_000, 1000);
    expect(clock.now() - start).toBe(60_000 * SLEW_RATE);
    expect(clock.delayUntil(clock.now() + 1000)).toBe(1000 / SLEW_RATE);
    // Someone is taken into custody: full speed while they are held.
    seen.quiet = false;
    run(clock, time, 1000);
    last = clock.now();
    run(clock, time, 10_000);
    expect(clock.now() - last).toBe(10_000);
    seen.quiet = true;
    // Never backwards, until the wall clock has caught up; then full speed again.
    for (let i = 0; i < 4 * behind / 1000 && clock.now() > time.wallMs; i++) {
      const before = clock.now();
      run(clock, time, 1000);
      expect(clock.now()).toBeGreaterThanOrEqual(before);
    }
    expect(Math.abs(clock.now() - time.wallMs)).toBeLessThanOrEqual(1000);
    last = clock.now();
    run(clock, time, 10_000);
    expect(clock.now() - last).toBe(10_000);
  });
});

describe('monotonicWithSleep', () => {
  it('adds time the machine slept, not reading jitter', () => {
    let hr = 1_000_000;
    let uptime: number | null = 1_000_020;
    const mono = monotonicWithSleep(() => hr, () => uptime);
    expect(mono()).toBe(1_000_000);
    hr += 1000;
    uptime = 1_001_000 + 8 * 3_600_000; // eight hours asleep
    expect(mono()).toBe(1_001_000 + 8 * 3_600_000);
    hr += 1000;
    uptime += 1030; // jitter
    expect(mono()).toBe(1_002_000 + 8 * 3_600_000);
    uptime = null; // not Linux
    hr += 1000;
    expect(mono()).toBe(1_003_000 + 8 * 3_600_000);
  });
});
