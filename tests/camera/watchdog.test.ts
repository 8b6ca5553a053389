// The watchdog rule as a table: each row is one way a recording can fail (or not yet prove itself).
import { describe, expect, it } from 'vitest';
import { backoffMs, judge, type WatchFacts, type WatchLimits } from '../../hardware/camera/watchdog.js';
import { detectionBoundMs } from '../../hardware/camera/recorder.js';

const limits: WatchLimits = { segmentMs: 2000, stallMs: 2000, startupMs: 5000 };
const start = 1_000_000;
const healthy: WatchFacts = {
  now: start + 10_000, alive: true, startedAt: start, lastClosedAt: start + 9_000,
  lastCheck: { ok: true, problem: '' }, lastGrowthAt: start + 9_800,
};

describe('judge', () => {
  const rows: [string, Partial<WatchFacts>, { recording: boolean; failed: boolean; reason: RegExp }][] = [
    ['all four conditions hold', {}, { recording: true, failed: false, reason: /^recording$/ }],
    ['ffmpeg exited (whatever its code)', { alive: false }, { recording: false, failed: true, reason: /not running/ }],
    ['no bytes for longer than the stall window', { lastGrowthAt: start + 7_900 }, { recording: false, failed: true, reason: /no data written/ }],
    ['bytes right at the stall window still count', { lastGrowthAt: start + 8_000 }, { recording: true, failed: false, reason: /recording/ }],
    ['no segment closed within 2 × segment length', { lastClosedAt: start + 5_999 }, { recording: false, failed: true, reason: /no segment closed/ }],
    ['last segment without audio', { lastCheck: { ok: false, problem: 'no audio stream with data' } }, { recording: false, failed: true, reason: /no audio/ }],
    ['starting: no segment yet, within the allowance', { now: start + 3_000, lastClosedAt: null, lastCheck: null, lastGrowthAt: start + 2_900 }, { recording: false, failed: false, reason: /waiting/ }],
    ['starting: nothing written within the startup allowance', { now: start + 5_001, lastClosedAt: null, lastCheck: null, lastGrowthAt: null }, { recording: false, failed: true, reason: /no data within/ }],
    ['starting: first segment later than 2 × segment + startup', { now: start + 9_001, lastClosedAt: null, lastCheck: null, lastGrowthAt: start + 9_000 }, { recording: false, failed: true, reason: /no segment closed/ }],
    ['closed but not yet checked', { lastCheck: null }, { recording: false, failed: false, reason: /waiting/ }],
  ];
  for (const [name, change, want] of rows) {
    it(name, () => {
      const v = judge({ ...healthy, ...change }, limits);
      expect(v.recording).toBe(want.recording);
      expect(v.failed).toBe(want.failed);
      expect(v.reason).toMatch(want.reason);
    });
  }
});

describe('backoff and bound', () => {
  it('doubles from the first delay up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, 1000, 30_000))).toEqual([0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('keeps the stated detection bound within 2 × segment length + 5 s', () => {
    for (const seg of [1, 2, 4, 10, 60]) expect(detectionBoundMs(seg)).toBeLessThanOrEqual(2 * seg * 1000 + 5000);
    expect(detectionBoundMs(2)).toBe(4500);
  });
});
