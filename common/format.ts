// Durations for people: hours and minutes.
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h}小时${minutes % 60}分` : `${minutes}分`;
}
