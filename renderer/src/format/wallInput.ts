// Dates and times as the desk types them, whatever the browser's language: YYYY-MM-DD and 24-hour
// HH:mm. An officer may type them loosely (19950815, 1995/8/15, 1995年8月15日, 315, 3:15, 15点);
// these turn what was typed into the one form the record uses, or say that it is not one.
import { isCalendarDate } from '../../../common/dates.js';

const two = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of what was typed, or null when it is not a calendar date. */
export function normalizeDate(text: string): string | null {
  const s = text.trim().replace(/[年月./]/g, '-').replace(/日$/, '').replace(/\s+/g, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const date = `${m[1]}-${two(Number(m[2]))}-${two(Number(m[3]))}`;
  return isCalendarDate(date) ? date : null;
}

/** HH:mm (24-hour) of what was typed, or null when it is not a time of day. */
export function normalizeTime(text: string): string | null {
  const s = text.trim().replace(/[：.点时]/g, ':').replace(/分$/, '').replace(/\s+/g, '');
  let h: number;
  let m: number;
  const colon = /^(\d{1,2}):(\d{1,2})?$/.exec(s);
  if (colon) {
    h = Number(colon[1]);
    m = Number(colon[2] ?? 0);
  } else if (/^\d{1,4}$/.test(s)) {
    // 9 → 09:00, 15 → 15:00, 915 → 09:15, 1530 → 15:30
    if (s.length <= 2) { h = Number(s); m = 0; } else { h = Number(s.slice(0, -2)); m = Number(s.slice(-2)); }
  } else return null;
  return h <= 23 && m <= 59 ? `${two(h)}:${two(m)}` : null;
}
