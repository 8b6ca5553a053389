// Calendar arithmetic for the date picker, on YYYY-MM-DD strings (no time zone is involved: a
// calendar date is the same everywhere).
const two = (n: number): string => String(n).padStart(2, '0');

export function ymd(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
}

export function parts(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

export function addDays(date: string, n: number): string {
  const p = parts(date);
  return ymd(p.y, p.m, p.d + n);
}

/** The same day in another month, kept inside that month (31 March − 1 month → 28/29 February). */
export function addMonths(date: string, n: number): string {
  const p = parts(date);
  const last = new Date(Date.UTC(p.y, p.m - 1 + n + 1, 0)).getUTCDate();
  return ymd(p.y, p.m + n, Math.min(p.d, last));
}

/** Monday = 0 … Sunday = 6 (Chinese calendars start the week on Monday). */
export function weekday(date: string): number {
  const p = parts(date);
  return (new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay() + 6) % 7;
}

/** The six weeks shown for the month of `date`, Monday first. */
export function monthGrid(date: string): string[][] {
  const p = parts(date);
  const first = ymd(p.y, p.m, 1);
  const start = addDays(first, -weekday(first));
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
}
