// Shared formatting of times for people: the station's zone, 24-hour clock.
import { zoneOffsetMinutes } from './dates.js';

export function formatLocal(ms: number | null | undefined, timeZone: string, withSeconds = false): string {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, withSeconds ? 19 : 16)}`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h}小时${minutes % 60}分` : `${minutes}分`;
}
