// Alarm history with filters; the active alarms and those awaiting acknowledgement, with whom they
// concern, for the desk.
import type { Db } from '../../core/store/db.js';
import type { AlarmView } from '../../../common/views.js';
import { withPeople } from './alarmPeople.js';
import { alarmView, type AlarmRow } from './rows.js';

/** Critical alarms that ended unacknowledged stay before the desk this long; older ones are history for the audit. */
export const AWAITING_ACK_DAYS = 7;

export interface AlarmQuery {
  active?: boolean; acked?: boolean; rule?: string; room?: string; from?: number; to?: number; limit?: number;
}

export function alarmList(db: Db, q: AlarmQuery): AlarmView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.active === true) where.push('resolved_at IS NULL');
  if (q.active === false) where.push('resolved_at IS NOT NULL');
  if (q.acked === true) where.push('acked_at IS NOT NULL');
  if (q.acked === false) where.push('acked_at IS NULL');
  if (q.rule) { where.push('rule = ?'); args.push(q.rule); }
  if (q.room) { where.push('room_id = ?'); args.push(q.room); }
  if (q.from !== undefined) { where.push('raised_at >= ?'); args.push(q.from); }
  if (q.to !== undefined) { where.push('raised_at < ?'); args.push(q.to); }
  const sql = `SELECT * FROM alarms ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY raised_at DESC, id DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, q.limit ?? 1000) as AlarmRow[]).map(alarmView);
}

/** Active alarms, the most recent first. */
export function activeAlarms(db: Db): AlarmView[] {
  return withPeople(db, (db.prepare('SELECT * FROM alarms WHERE resolved_at IS NULL ORDER BY raised_at DESC').all() as AlarmRow[]).map(alarmView));
}

/** Critical alarms that resolved before anyone acknowledged them (within AWAITING_ACK_DAYS of now), the most recent first. */
export function awaitingAck(db: Db, now: number): AlarmView[] {
  const rows = db.prepare(`SELECT * FROM alarms WHERE resolved_at >= ? AND acked_at IS NULL AND severity = 'critical'
    ORDER BY resolved_at DESC`).all(now - AWAITING_ACK_DAYS * 86_400_000) as AlarmRow[];
  return withPeople(db, rows.map(alarmView));
}

export function alarmsByIds(db: Db, ids: readonly string[]): AlarmView[] {
  if (ids.length === 0) return [];
  const stmt = db.prepare('SELECT * FROM alarms WHERE id = ?');
  return withPeople(db, ids.flatMap((id) => {
    const row = stmt.get(id) as AlarmRow | undefined;
    return row ? [alarmView(row)] : [];
  }));
}
