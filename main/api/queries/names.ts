// The names the record gives to its ids (persons, rooms, officers, sessions, devices), for the
// documents the server writes itself (CSV downloads).
import type { Db } from '../../core/store/db.js';
import type { SubjectNames } from '../../../common/subjectText.js';
import type { SessionKind } from '../../../common/vocab.js';

export interface RecordNames extends SubjectNames {
  officer(id: string): string | null;
}

export function recordNames(db: Db): RecordNames {
  const map = (sql: string): Map<string, string> => new Map((db.prepare(sql).all() as { id: string; v: string | null }[]).flatMap((r) => (r.v === null ? [] : [[r.id, r.v]])));
  const persons = map('SELECT person_id AS id, name AS v FROM custody_records');
  const rooms = map('SELECT id, name AS v FROM rooms');
  const officers = map('SELECT id, name AS v FROM officers');
  const devices = map('SELECT id, room_id AS v FROM cameras UNION ALL SELECT id, room_id AS v FROM readers');
  const sessions = new Map((db.prepare('SELECT id, kind, person_id FROM sessions').all() as { id: string; kind: SessionKind; person_id: string }[])
    .map((s) => [s.id, { kind: s.kind, personId: s.person_id }]));
  return {
    person: (id) => persons.get(id) ?? null,
    room: (id) => rooms.get(id) ?? null,
    officer: (id) => officers.get(id) ?? null,
    session: (id) => sessions.get(id) ?? null,
    deviceRoom: (id) => devices.get(id) ?? null,
  };
}
