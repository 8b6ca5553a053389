// How near a legal deadline is, as the colour the desk sees. `warn` is the same window in which
// the station raises 时限即将届满; `near` starts at three times that window so the desk sees the
// deadline coming before the alarm does.
export type CountdownTone = 'none' | 'ok' | 'near' | 'warn' | 'over';

export const NEAR_FACTOR = 3;

export function countdownTone(deadlineAt: number | null, now: number, warnMinutes: number): CountdownTone {
  if (deadlineAt === null) return 'none';
  const left = deadlineAt - now;
  if (left <= 0) return 'over';
  const window = warnMinutes * 60_000;
  if (left <= window) return 'warn';
  if (left <= NEAR_FACTOR * window) return 'near';
  return 'ok';
}
