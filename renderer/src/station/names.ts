// Names for the ids the record uses, built from the overview (rooms, officers, persons in the area).
import type { Overview, OfficerView, PersonSummary, RoomView } from '../../../common/views.js';

export interface Names {
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly officers: ReadonlyMap<string, OfficerView>;
  readonly persons: ReadonlyMap<string, PersonSummary>;
  room(id: string | null | undefined): string;
  officer(id: string): string;
  person(id: string): string;
}

export function namesOf(overview: Overview | null, extraPersons: readonly PersonSummary[] = []): Names {
  const rooms = new Map((overview?.rooms ?? []).map((r) => [r.id, r]));
  // Rooms taken out of the area still name the history that happened in them.
  const removedRooms = new Map((overview?.removed.rooms ?? []).map((r) => [r.id, r.name]));
  const officers = new Map((overview?.officers ?? []).map((o) => [o.id, o]));
  const persons = new Map([...extraPersons, ...(overview?.persons ?? [])].map((p) => [p.id, p]));
  return {
    rooms, officers, persons,
    room: (id) => (id ? (rooms.get(id)?.name ?? removedRooms.get(id) ?? id) : ''),
    officer: (id) => officers.get(id)?.name ?? id,
    person: (id) => persons.get(id)?.name ?? id,
  };
}
