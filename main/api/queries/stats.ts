// Statistics per local day, week or month: entries, stays, alarms by rule and by room, minutes
// of unrecorded occupancy, time-limit breaches. Every figure can be drilled into with the
// persons and alarms methods over the same range.
import type { AlarmRule } from '../../../common/alarms.js';
import type { Stats, StatsBucket, StatsPeriod } from '../../../common/views.js';
import { zoneOffsetMinutes } from '../../../common/dates.js';
import type { Db } from '../../core/store/db.js';

const DAY = 86_400_000;
export const MAX_PERIODS = 1000;

/** Local midnight (in `tz`) at or before `ms`. */
function localMidnight(ms: number, tz: string): number {
  const off = zoneOffsetMinutes(ms, tz) * 60_000;
  const local = Math.floor((ms + off) / DAY) * DAY;
  return local - zoneOffsetMinutes(local - off, tz) * 60_000;
}

function localParts(ms: number, tz: string): { y: number; m: number; d: number; weekday: number } {
  const d = new Date(ms + zoneOffsetMinutes(ms, tz) * 60_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7 };
}

/** Period boundaries covering [from, to). */
export function periodBounds(period: StatsPeriod, from: number, to: number, tz: string): { start: number; end: number; label: string }[] {
  const out: { start: number; end: number; label: string }[] = [];
  let start = localMidnight(from, tz);
  if (period === 'week') start = localMidnight(start - localParts(start, tz).weekday * DAY + DAY / 2, tz);
  if (period === 'month') start = localMidnight(start - (localParts(start, tz).d - 1) * DAY + DAY / 2, tz);
  while (start < to) {
    if (out.length >= MAX_PERIODS) throw new RangeError(`统计范围过大：最多 ${MAX_PERIODS} 个统计周期，请缩小时间范围或改用更长的周期`);
    const p = localParts(start, tz);
    let end: number;
    if (period === 'day') end = localMidnight(start + DAY + DAY / 2, tz);
    else if (period === 'week') end = localMidnight(start + 7 * DAY + DAY / 2, tz);
    else end = localMidnight(start + (new Date(Date.UTC(p.y, p.m + 1, 0)).getUTCDate()) * DAY + DAY / 2, tz);
    const pad = (n: number): string => String(n).padStart(2, '0');
    const label = period === 'month' ? `${p.y}-${pad(p.m + 1)}` : `${p.y}-${pad(p.m + 1)}-${pad(p.d)}`;
    out.push({ start, end, label });
    start = end;
  }
  return out;
}

export function stats(db: Db, q: { period: StatsPeriod; from: number; to: number }, now: number, tz: string): Stats {
  const bounds = periodBounds(q.period, q.from, q.to, tz);
  const entries = db.prepare('SELECT count(*) AS n FROM custody_records WHERE entered_at >= ? AND entered_at < ?');
  const stays = db.prepare(`SELECT count(*) AS n, avg(exited_at - entered_at) AS avg, max(exited_at - entered_at) AS max
    FROM custody_records WHERE exited_at >= ? AND exited_at < ?`);
  const byRule = db.prepare('SELECT rule, count(*) AS n FROM alarms WHERE raised_at >= ? AND raised_at < ? GROUP BY rule');
  const byRoom = db.prepare('SELECT room_id AS room, count(*) AS n FROM alarms WHERE raised_at >= ? AND raised_at < ? AND room_id IS NOT NULL GROUP BY room_id');
  // Overlap of each unrecorded-interrogation alarm with the period; open alarms run until now.
  const unrecorded = db.prepare(`SELECT coalesce(sum(min(coalesce(resolved_at, ?), ?) - max(raised_at, ?)), 0) AS ms FROM alarms
    WHERE rule = 'unrecorded_interrogation' AND raised_at < ? AND coalesce(resolved_at, ?) > ?`);
  const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 60_000));
  const buckets: StatsBucket[] = bounds.map(({ start, end, label }) => {
    const s = stays.get(start, end) as { n: number; avg: number | null; max: number | null };
    const u = unrecorded.get(now, end, start, end, now, start) as { ms: number };
    const rules = Object.fromEntries((byRule.all(start, end) as { rule: AlarmRule; n: number }[]).map((r) => [r.rule, r.n]));
    return {
      start, end, label,
      entries: (entries.get(start, end) as { n: number }).n,
      exits: s.n, averageStayMinutes: minutes(s.avg), longestStayMinutes: minutes(s.max),
      alarmsByRule: rules,
      alarmsByRoom: Object.fromEntries((byRoom.all(start, end) as { room: string; n: number }[]).map((r) => [r.room, r.n])),
      unrecordedMinutes: Math.round(Math.max(0, u.ms) / 60_000 * 10) / 10,
      timeLimitBreaches: rules.time_limit_exceeded ?? 0,
    };
  });
  return { period: q.period, timeZone: tz, buckets };
}
