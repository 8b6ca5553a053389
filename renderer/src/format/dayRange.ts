// Ranges of local calendar days (YYYY-MM-DD, both ends included), as the supervisor picks them,
// and the instants [from, to) the station's methods take.
import { isCalendarDate } from '../../../common/dates.js';
import { formatDate, fromWallInput } from '../../../common/zonedTime.js';

export interface DayRange { readonly from: string; readonly to: string }

/** Calendar arithmetic on the date itself: no time zone is involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The last `days` days up to and including today (in the station's zone). */
export function lastDays(now: number, timeZone: string, days: number): DayRange {
  const today = formatDate(now, timeZone);
  return { from: addDays(today, 1 - days), to: today };
}

/** From the first day of the month `months - 1` months back up to today. */
export function lastMonths(now: number, timeZone: string, months: number): DayRange {
  const today = formatDate(now, timeZone);
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y ?? 0, (m ?? 1) - months, 1)).toISOString().slice(0, 10);
  return { from: first, to: today };
}

/** The instants of the range in the zone: from the first day's midnight to the midnight after the last; null when it is not a range. */
export function rangeInstants(range: DayRange, timeZone: string): { readonly from: number; readonly to: number } | null {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to) || range.from > range.to) return null;
  const from = fromWallInput(`${range.from}T00:00`, timeZone);
  const to = fromWallInput(`${addDays(range.to, 1)}T00:00`, timeZone);
  return from === null || to === null ? null : { from, to };
}
