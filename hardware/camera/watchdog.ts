// The rule that decides whether a camera is recording. A pure function of what the recorder has
// observed, so that it can be tested as a table and the bound can be read off the code.
//
// Recording counts as running only while ffmpeg is alive AND a segment closed within
// 2 × segment length AND the current file grows AND the last segment had audio and video.
// ffmpeg's exit code plays no part: it exits 0 when the camera's stream simply ends.

export interface WatchFacts {
  now: number;
  /** ffmpeg of the current run has not exited. */
  alive: boolean;
  /** When the current ffmpeg run was spawned. */
  startedAt: number;
  /** When the last segment of this run closed (its list line arrived), or null. */
  lastClosedAt: number | null;
  /** The check of the last segment of this run, or null while none has been checked. */
  lastCheck: { ok: boolean; problem: string } | null;
  /** When bytes on disk last increased in this run, or null before the first byte. */
  lastGrowthAt: number | null;
}

export interface WatchLimits {
  segmentMs: number;
  /** No new bytes for this long means the stream stalled. */
  stallMs: number;
  /** Allowance for connecting before the first byte (and added once to the first segment). */
  startupMs: number;
}

/**
 * `failed` means this run will not become healthy by waiting: the recorder stops ffmpeg and starts
 * again with backoff. Not recording and not failed means the first segment is still on its way.
 */
export type Verdict =
  | { recording: true; failed: false; reason: string }
  | { recording: false; failed: boolean; reason: string };

export function judge(f: WatchFacts, l: WatchLimits): Verdict {
  if (!f.alive) return fail('ffmpeg is not running');
  const sinceGrowth = f.now - (f.lastGrowthAt ?? f.startedAt);
  const growthLimit = f.lastGrowthAt === null ? l.startupMs : l.stallMs;
  if (sinceGrowth > growthLimit) {
    return fail(f.lastGrowthAt === null ? `no data within ${ms(l.startupMs)} of starting` : `no data written for ${ms(sinceGrowth)}`);
  }
  const sinceClose = f.now - (f.lastClosedAt ?? f.startedAt);
  const closeLimit = 2 * l.segmentMs + (f.lastClosedAt === null ? l.startupMs : 0);
  if (sinceClose > closeLimit) return fail(`no segment closed for ${ms(sinceClose)} (limit ${ms(closeLimit)})`);
  if (f.lastCheck === null) return { recording: false, failed: false, reason: 'waiting for the first segment' };
  if (!f.lastCheck.ok) return fail(`last segment invalid: ${f.lastCheck.problem}`);
  return { recording: true, failed: false, reason: 'recording' };
}

function fail(reason: string): Verdict {
  return { recording: false, failed: true, reason };
}

function ms(n: number): string {
  return `${(n / 1000).toFixed(1)} s`;
}

/** Delay before the next ffmpeg start after `failures` consecutive failed runs. */
export function backoffMs(failures: number, firstMs: number, maxMs: number): number {
  if (failures <= 0) return 0;
  return Math.min(maxMs, firstMs * 2 ** Math.min(failures - 1, 20));
}
