// Alarm history with filters.
import type { Db } from '../../core/store/db.js';
import type { AlarmView } from '../../../common/views.js';
import { alarmView, type AlarmRow } from './rows.js';

export function alarmList(db: Db, q: { active?: boolean; rule?: string; room?: string; from?: number; to?: number; limit?: number }): AlarmView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.active === true) where.push('resolved_at IS NULL');
  if (q.active === false) where.push('resolved_at IS NOT NULL');
  if (q.rule) { where.push('rule = ?'); args.push(q.rule); }
  if (q.room) { where.push('room_id = ?'); args.push(q.room); }
  if (q.from !== undefined) { where.push('raised_at >= ?'); args.push(q.from); }
  if (q.to !== undefined) { where.push('raised_at < ?'); args.push(q.to); }
  const sql = `SELECT * FROM alarms ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY raised_at DESC, id DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, q.limit ?? 1000) as AlarmRow[]).map(alarmView);
}

export function alarmsByIds(db: Db, ids: readonly string[]): AlarmView[] {
  if (ids.length === 0) return [];
  const stmt = db.prepare('SELECT * FROM alarms WHERE id = ?');
  return ids.flatMap((id) => {
    const row = stmt.get(id) as AlarmRow | undefined;
    return row ? [alarmView(row)] : [];
  });
}
