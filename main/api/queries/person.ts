// Everything recorded about one person, for the detail page, the timeline and the printed form.
import type { Db } from '../../core/store/db.js';
import { rowToEvent } from '../../core/store/eventStore.js';
import type { CorrectedFieldView, CorrectionView, PersonDetail, PersonSummary, TimelineEntry } from '../../../common/views.js';
import { CORRECTABLE_FIELDS, type CorrectableField, type Destination, type Disposition } from '../../../common/vocab.js';
import { alarmView, parseJson, PERSON_SELECT, personSummary, sessionView, type AlarmRow, type PersonRow, type SessionRow } from './rows.js';

export function personSummaries(db: Db, q: {
  status?: 'in' | 'exited' | 'all'; text?: string; from?: number; to?: number; exitedFrom?: number; exitedTo?: number; limit?: number;
}): PersonSummary[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.status === 'in') where.push(`c.status != 'exited'`);
  if (q.status === 'exited') where.push(`c.status = 'exited'`);
  if (q.text) {
    where.push(`(c.name LIKE ? ESCAPE '\\' OR c.person_id LIKE ? ESCAPE '\\' OR c.case_no LIKE ? ESCAPE '\\' OR c.id_number LIKE ? ESCAPE '\\')`);
    const like = `%${q.text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    args.push(like, like, like, like);
  }
  if (q.from !== undefined) { where.push('c.entered_at >= ?'); args.push(q.from); }
  if (q.to !== undefined) { where.push('c.entered_at < ?'); args.push(q.to); }
  if (q.exitedFrom !== undefined) { where.push('c.exited_at >= ?'); args.push(q.exitedFrom); }
  if (q.exitedTo !== undefined) { where.push('c.exited_at < ?'); args.push(q.exitedTo); }
  const sql = `${PERSON_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.entered_at DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, q.limit ?? 500) as PersonRow[]).map(personSummary);
}

export function personDetail(db: Db, id: string): PersonDetail | null {
  const row = db.prepare(`${PERSON_SELECT} WHERE c.person_id = ?`).get(id) as PersonRow | undefined;
  if (!row) return null;
  const enteredBy = db.prepare(`SELECT e.actor FROM events e JOIN event_subjects s ON s.seq = e.seq WHERE s.subject = ? AND e.type = 'person.enter'`).get(`person:${id}`) as { actor: string } | undefined;
  const checks = (db.prepare('SELECT * FROM security_checks WHERE person_id = ? ORDER BY seq').all(id) as { seq: number; at: number; checkers: string; doctor: number; findings: string }[])
    .map((c) => ({ seq: c.seq, at: c.at, checkers: parseJson<string[]>(c.checkers, []), doctor: c.doctor === 1, findings: parseJson<Record<string, unknown>>(c.findings, {}) }));
  const items = (db.prepare('SELECT * FROM belongings_items WHERE person_id = ? ORDER BY stored_at, rowid').all(id) as {
    id: string; name: string; quantity: number; features: string | null; case_related: number; locker: string | null; stored_at: number;
    disposition: string | null; disposed_at: number | null; note: string | null;
  }[]).map((i) => ({
    id: i.id, name: i.name, quantity: i.quantity, features: i.features, caseRelated: i.case_related === 1, locker: i.locker,
    storedAt: i.stored_at, disposition: i.disposition as Disposition | null, disposedAt: i.disposed_at, note: i.note,
  }));
  const collections = (db.prepare('SELECT item, at, stored FROM info_collections WHERE person_id = ? ORDER BY at, seq').all(id) as { item: string; at: number; stored: number | null }[])
    .map((c) => ({ item: c.item, at: c.at, stored: c.stored === null ? null : c.stored === 1 }));
  const sessions = (db.prepare('SELECT * FROM sessions WHERE person_id = ? ORDER BY started_at').all(id) as SessionRow[]).map(sessionView);
  const care = db.prepare('SELECT seq, at, kind, note FROM care_events WHERE person_id = ? ORDER BY seq').all(id) as { seq: number; at: number; kind: string; note: string | null }[];
  const movements = (db.prepare('SELECT * FROM movements WHERE who = ? ORDER BY seq').all(id) as {
    seq: number; at: number; from_room: string | null; to_room: string | null; to_outside: number; source: string;
  }[]).map((m) => ({ seq: m.seq, at: m.at, fromRoom: m.from_room, toRoom: m.to_room, outside: m.to_outside === 1, source: m.source }));
  const tempExits = (db.prepare('SELECT * FROM temp_exits WHERE person_id = ? ORDER BY seq').all(id) as {
    seq: number; left_at: number; reason: string; approved_by: string; expected_return_at: number; returned_at: number | null;
  }[]).map((t) => ({ seq: t.seq, leftAt: t.left_at, reason: t.reason, approvedBy: t.approved_by, expectedReturnAt: t.expected_return_at, returnedAt: t.returned_at }));
  const extensions = (db.prepare('SELECT * FROM extensions WHERE person_id = ? ORDER BY seq').all(id) as { seq: number; at: number; limit_hours: number; approved_by: string }[])
    .map((x) => ({ seq: x.seq, at: x.at, limitHours: x.limit_hours, approvedBy: x.approved_by }));
  const exitRow = db.prepare('SELECT * FROM exits WHERE person_id = ?').get(id) as {
    at: number; destination: string; belongings_returned: number | null; approved_by: string | null; actor: string; note: string | null;
  } | undefined;
  const alarms = (db.prepare(`SELECT a.* FROM alarms a WHERE a.subject = ? OR a.id IN (
      SELECT json_extract(e.payload, '$.alarmId') FROM event_subjects s JOIN events e ON e.seq = s.seq WHERE s.subject = ? AND e.type = 'alarm.raised')
    ORDER BY a.raised_at`).all(`person:${id}`, `person:${id}`) as AlarmRow[]).map(alarmView);
  const corrections = correctionsOf(db, id);
  return {
    summary: personSummary(row), idNumber: row.id_number, officers: parseJson<string[]>(row.officers, []),
    details: parseJson<Record<string, string>>(row.details, {}), enteredBy: enteredBy?.actor ?? '',
    checks, items, collections, sessions, care, movements, tempExits, extensions,
    exit: exitRow ? {
      at: exitRow.at, destination: exitRow.destination as Destination,
      belongingsReturned: exitRow.belongings_returned === null ? null : exitRow.belongings_returned === 1,
      approvedBy: exitRow.approved_by, actor: exitRow.actor, note: exitRow.note,
    } : null,
    alarms,
    corrections,
    corrected: CORRECTABLE_FIELDS.filter((f) => corrections.some((c) => c.changes.some((x) => x.field === f))),
  };
}

/** The person's corrections, one per person.correct, each with the fields it put right. */
function correctionsOf(db: Db, id: string): CorrectionView[] {
  const rows = db.prepare('SELECT * FROM person_corrections WHERE person_id = ? ORDER BY seq, rowid').all(id) as {
    seq: number; at: number; field: string; old_value: string | null; new_value: string; reason: string; approved_by: string; actor: string;
  }[];
  const views = new Map<number, CorrectionView & { changes: CorrectedFieldView[] }>();
  for (const r of rows) {
    const view = views.get(r.seq) ?? { seq: r.seq, at: r.at, changes: [], reason: r.reason, approvedBy: r.approved_by, actor: r.actor };
    view.changes.push({ field: r.field as CorrectableField, from: r.old_value, to: r.new_value });
    views.set(r.seq, view);
  }
  return [...views.values()];
}

export function timeline(db: Db, id: string): TimelineEntry[] {
  return (db.prepare('SELECT e.seq, e.at, e.type, e.actor, e.payload FROM event_subjects s JOIN events e ON e.seq = s.seq WHERE s.subject = ? ORDER BY e.seq')
    .all(`person:${id}`) as { seq: number; at: number; type: string; actor: string; payload: string }[]).map(rowToEvent);
}
