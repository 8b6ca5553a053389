// The 交接班 summary: who is in custody and where, with time left, meals, the items the desk holds
// for them and their case officers; the sessions in progress; the alarms still open or awaiting
// acknowledgement.
import type { Handover, HandoverPerson } from '../../../common/views.js';
import type { Db } from '../../core/store/db.js';
import { activeAlarms, awaitingAck } from './alarms.js';
import { parseJson, PERSON_SELECT, personSummary, sessionView, type PersonRow, type SessionRow } from './rows.js';

export function handover(db: Db, now: number, timeZone: string): Handover {
  const area = db.prepare('SELECT id, name FROM area LIMIT 1').get() as { id: string; name: string } | undefined;
  const items = db.prepare('SELECT name, quantity, locker FROM belongings_items WHERE person_id = ? AND disposition IS NULL ORDER BY stored_at, rowid');
  const persons: HandoverPerson[] = (db.prepare(`${PERSON_SELECT} WHERE c.status != 'exited'
      ORDER BY c.deadline_at IS NULL, c.deadline_at, c.entered_at`).all() as PersonRow[])
    .map((r) => ({
      summary: personSummary(r),
      officers: parseJson<string[]>(r.officers, []),
      itemsHeld: items.all(r.person_id) as { name: string; quantity: number; locker: string | null }[],
    }));
  const sessions = (db.prepare('SELECT * FROM sessions WHERE ended_at IS NULL ORDER BY started_at').all() as SessionRow[]).map(sessionView);
  const head = db.prepare('SELECT hash FROM events ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  return {
    now, timeZone, area: area ?? null, persons, sessions,
    alarms: [...activeAlarms(db), ...awaitingAck(db, now)],
    headHash: head?.hash ?? '',
  };
}
