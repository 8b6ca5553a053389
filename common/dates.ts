// Calendar and instant helpers. Instants are UTC milliseconds; calendar dates are 'YYYY-MM-DD'.

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

export interface Instant { readonly ms: number; readonly offsetMinutes: number }

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Parses an ISO-8601 date-time that carries an offset (Z or ±hh:mm); null when it is not one. */
export function parseInstant(s: string): Instant | null {
  const m = ISO_WITH_OFFSET.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, z, sign, oh, om] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(sec ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = z === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (Math.abs(offsetMinutes) > 18 * 60 || Number(om ?? 0) > 59) return null;
  const millis = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { ms, offsetMinutes };
}

/** The calendar date of an instant as seen at a UTC offset. */
export function localDate(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The date of the n-th birthday; a 29 February birthday falls on 28 February in common years. */
export function birthdayOf(birthDate: string, years: number): string {
  const y = Number(birthDate.slice(0, 4)) + years;
  const m = Number(birthDate.slice(5, 7));
  let d = Number(birthDate.slice(8, 10));
  if (m === 2 && d === 29 && !isLeapYear(y)) d = 28;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * 周岁: a person reaches 18 on the day after the 18th birthday, so on the birthday itself they are
 * still a minor.
 */
export function isMinorOn(birthDate: string, onDate: string): boolean {
  return onDate <= birthdayOf(birthDate, 18);
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of a named IANA zone at an instant (formatters are made once per zone). */
export function wallClock(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    zoneFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of a named IANA zone at an instant, in minutes east of UTC. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}
