// Showing instants in the station's time zone. Everything internal is UTC ms; only these helpers
// turn an instant into the wall-clock text an officer reads (or back, for a time typed at the desk).
import { wallClock, zoneOffsetMinutes } from './dates.js';

interface WallParts { readonly year: string; readonly month: string; readonly day: string; readonly hour: string; readonly minute: string; readonly second: string }

function wallParts(ms: number, timeZone: string): WallParts {
  const w = wallClock(ms, timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return { year: String(w.year).padStart(4, '0'), month: two(w.month), day: two(w.day), hour: two(w.hour), minute: two(w.minute), second: two(w.second) };
}

/** 2026-03-02 08:05 */
export function formatDateTime(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 2026-03-02 08:05:09 */
export function formatDateTimeSeconds(ms: number, timeZone: string): string {
  return `${formatDateTime(ms, timeZone)}:${wallParts(ms, timeZone).second}`;
}

/** 2026-03-02 */
export function formatDate(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 08:05:09 */
export function formatClock(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** The value of an `<input type="datetime-local">` showing this instant in the zone. */
export function toWallInput(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant a wall-clock time typed at the desk (YYYY-MM-DDTHH:mm) means in the zone; null if it is not one. */
export function fromWallInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  // The offset depends on the instant itself; two rounds settle it except inside a DST gap.
  let ms = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000;
  ms = asUtc - zoneOffsetMinutes(ms, timeZone) * 60_000;
  return ms;
}

/** A span as H:MM:SS (hours may exceed 24). */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** YYYYMMDD of the instant in the zone, for ids. */
export function compactDate(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year}${p.month}${p.day}`;
}
