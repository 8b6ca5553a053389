// The data of the 《办案区使用情况登记表》 of one person.
import type { Db } from '../../core/store/db.js';
import type { UsageForm } from '../../../common/views.js';
import { personDetail } from './person.js';

export function usageForm(db: Db, id: string, now: number, timeZone: string): UsageForm | null {
  const person = personDetail(db, id);
  if (!person) return null;
  const area = db.prepare('SELECT id, name FROM area LIMIT 1').get() as { id: string; name: string } | undefined;
  const rooms = Object.fromEntries((db.prepare('SELECT id, name FROM rooms').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const officers = Object.fromEntries((db.prepare('SELECT id, name FROM officers').all() as { id: string; name: string }[]).map((o) => [o.id, o.name]));
  const head = db.prepare('SELECT hash FROM events ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  return { person, area: area ?? null, rooms, officers, headHash: head?.hash ?? '', printedAt: now, timeZone };
}
