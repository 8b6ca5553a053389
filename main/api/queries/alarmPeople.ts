// Whom an alarm concerns, so that the desk can name and open them: a person alarm's person and
// case officers; a session alarm's person and officers; for a room alarm, the sessions held in the
// room while it held and whoever was in the room when it was raised (the movements tell, also for
// persons who have left since).
import { parseSubject } from '../../../common/alarms.js';
import type { AlarmPeople, AlarmView, NamedRef } from '../../../common/views.js';
import type { Db } from '../../core/store/db.js';
import { parseJson } from './rows.js';

/** Custody lasts days at most: persons who entered earlier than this before an alarm are not looked at. */
const LOOKBACK_MS = 14 * 86_400_000;

interface Lookups {
  person: (id: string) => { name: string; officers: string[] } | undefined;
  officer: (id: string) => string | undefined;
  session: (id: string) => { person_id: string; officers: string; room_id: string } | undefined;
  roomSessions: (room: string, from: number, to: number) => { person_id: string; officers: string }[];
  personsAt: (room: string, at: number) => string[];
  officersAt: (room: string, at: number) => string[];
}

function lookups(db: Db): Lookups {
  const person = db.prepare('SELECT name, officers FROM custody_records WHERE person_id = ?');
  const officer = db.prepare('SELECT name FROM officers WHERE id = ?');
  const session = db.prepare('SELECT person_id, officers, room_id FROM sessions WHERE id = ?');
  const roomSessions = db.prepare('SELECT person_id, officers FROM sessions WHERE room_id = ? AND started_at <= ? AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at');
  const lastRoom = `(SELECT m.to_room FROM movements m WHERE m.who = %WHO% AND m.at <= @at ORDER BY m.at DESC, m.seq DESC LIMIT 1) = @room`;
  const personsAt = db.prepare(`SELECT c.person_id AS who FROM custody_records c
    WHERE c.entered_at <= @at AND c.entered_at >= @since AND (c.exited_at IS NULL OR c.exited_at >= @at) AND ${lastRoom.replace('%WHO%', 'c.person_id')}
    ORDER BY c.entered_at`);
  const officersAt = db.prepare(`SELECT o.id AS who FROM officers o WHERE ${lastRoom.replace('%WHO%', 'o.id')} ORDER BY o.id`);
  return {
    person: (id) => {
      const r = person.get(id) as { name: string; officers: string } | undefined;
      return r ? { name: r.name, officers: parseJson<string[]>(r.officers, []) } : undefined;
    },
    officer: (id) => (officer.get(id) as { name: string } | undefined)?.name,
    session: (id) => session.get(id) as { person_id: string; officers: string; room_id: string } | undefined,
    roomSessions: (room, from, to) => roomSessions.all(room, to, from) as { person_id: string; officers: string }[],
    personsAt: (room, at) => (personsAt.all({ room, at, since: at - LOOKBACK_MS }) as { who: string }[]).map((r) => r.who),
    officersAt: (room, at) => (officersAt.all({ room, at }) as { who: string }[]).map((r) => r.who),
  };
}

function peopleOf(alarm: AlarmView, q: Lookups): AlarmPeople {
  const persons = new Set<string>();
  const officers = new Set<string>();
  const addPerson = (id: string, withCaseOfficers: boolean): void => {
    persons.add(id);
    if (withCaseOfficers) for (const o of q.person(id)?.officers ?? []) officers.add(o);
  };
  const s = parseSubject(alarm.subject);
  switch (s?.kind) {
    case 'person':
      addPerson(s.id, true);
      break;
    case 'session': {
      const session = q.session(s.id);
      if (session) {
        addPerson(session.person_id, false);
        for (const o of parseJson<string[]>(session.officers, [])) officers.add(o);
      }
      break;
    }
    case 'room':
      for (const session of q.roomSessions(s.id, alarm.raisedAt, alarm.resolvedAt ?? Number.MAX_SAFE_INTEGER)) {
        addPerson(session.person_id, false);
        for (const o of parseJson<string[]>(session.officers, [])) officers.add(o);
      }
      for (const p of q.personsAt(s.id, alarm.raisedAt)) persons.add(p);
      for (const o of q.officersAt(s.id, alarm.raisedAt)) officers.add(o);
      break;
    case 'device':
    case 'tag':
    case undefined:
      break;
  }
  const named = (ids: Set<string>, name: (id: string) => string | undefined): NamedRef[] => [...ids].map((id) => ({ id, name: name(id) ?? id }));
  return { persons: named(persons, (id) => q.person(id)?.name), officers: named(officers, q.officer) };
}

/** The alarms with whom they concern filled in. */
export function withPeople(db: Db, alarms: readonly AlarmView[]): AlarmView[] {
  if (alarms.length === 0) return [];
  const q = lookups(db);
  return alarms.map((a) => ({ ...a, people: peopleOf(a, q) }));
}
