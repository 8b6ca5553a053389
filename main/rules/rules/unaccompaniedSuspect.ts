// 嫌疑人无人看管: a suspect in a room that needs a guard, with no officer present and no active
// session in the room with an officer whose whereabouts are not known.
import { sessionsOf } from '../../core/state/areaIndex.js';
import type { AreaState, Person, Session } from '../../core/state/model.js';
import type { Place } from '../../core/state/place.js';
import { everyPersonInCustody, factsTouched, personsWhoMatter } from '../dependencies.js';
import type { Dependencies, HeldRule } from '../types.js';

/** Whether a room with `officers` present and `sessions` active in it is guarded. */
function guarded(state: AreaState, officers: number, sessions: Iterable<Session>): boolean {
  if (officers > 0) return true;
  for (const s of sessions) for (const o of s.officers) if (!state.presence.has(o)) return true;
  return false;
}

/** Whether the room of `place` needs a guard (as the area describes it) and has none now. */
function unguarded(state: AreaState, place: Place): boolean {
  if (place.spec?.guardRequired !== true || place.officers.size > 0) return false;
  // Most rooms that need a guard have no session (waiting rooms): nothing to look through.
  return place.sessions.size === 0 || !guarded(state, 0, place.sessions);
}

/** The suspects in `place` if its room needs a guard (a person who is not a suspect now did not become one without a change of facts). */
function suspectsIn(place: Place | undefined, mark: (id: string) => void): void {
  if (place === undefined || place.suspects === 0 || place.spec?.guardRequired !== true) return;
  const persons = place.persons;
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i] as Person;
    if (p.role === 'suspect') mark(p.id);
  }
}

/** Persons whose facts changed, and every suspect who moved. */
const suspectsTouched = personsWhoMatter((p) => p.role === 'suspect');

/**
 * Persons whose facts changed, and the suspects whose move can have started or ended their
 * condition: those who came to or left a room that needs a guard and has none. Between guarded
 * rooms (or rooms that need no guard) it held neither before nor after. That reads the rooms'
 * guard now as it was before the move, which holds when no officer moved and no session changed in
 * the same changes; when one did, every suspect who moved is looked at.
 */
const suspectsWhoMoved: Dependencies = {
  kinds: [...suspectsTouched.kinds, 'guards', 'officers', 'attendance', 'rooms', 'comers'],
  touched: (changes, state, mark) => {
    if (changes.guards.length > 0 || changes.officers.length > 0 || changes.attendance.length > 0) {
      suspectsTouched.touched(changes, state, mark);
      return;
    }
    factsTouched.touched(changes, state, mark);
    const { rooms, comers } = changes;
    // A move from one unguarded room to another gives the person's two entries (left, came), one
    // after the other: one look is enough. That was about one look in fourteen on a move-heavy day.
    let marked: Person | null = null;
    for (let i = 0; i < rooms.length; i++) {
      const person = comers[i] as Person;
      if (person.role !== 'suspect' || person === marked) continue;
      const place = rooms[i] as Place;
      if (place.spec === undefined || unguarded(state, place)) {
        mark(person.id);
        marked = person;
      }
    }
  },
};

/**
 * The persons of suspectsWhoMoved, and the suspects in a room whose guard may have changed: its
 * sessions changed, its officers went from none to some or from some to none (one more or one
 * fewer where others stay changes nothing), or an officer of a session in it came to be known to be
 * somewhere or stopped being known (`guarded` counts such an officer as with the session; a move
 * from one room to another leaves that as it was, and the rooms' own officers are in `guards`).
 */
const guardsTouched: Dependencies = {
  kinds: [...suspectsWhoMoved.kinds, 'located'],
  touched: (changes, state, mark) => {
    suspectsWhoMoved.touched(changes, state, mark);
    const places = state.index.places;
    if (changes.attendance.length > 0) for (const room of changes.attendance) suspectsIn(places.get(room), mark);
    if (changes.guards.length > 0) {
      for (const { place, before } of changes.guards) if ((before > 0) !== (place.officers.size > 0)) suspectsIn(place, mark);
    }
    if (changes.located.length > 0) for (const o of changes.located) for (const s of sessionsOf(state, o)) suspectsIn(places.get(s.room), mark);
  },
};

export const unaccompaniedSuspect: HeldRule = {
  rule: 'unaccompanied_suspect',
  severity: 'critical',
  kind: 'held',
  subject: 'person',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      if (state.rooms.get(roomId)?.guardRequired !== true) continue;
      if (guarded(state, occupancy.officersByRoom.get(roomId)?.size ?? 0, occupancy.activeSessionsByRoom.get(roomId) ?? [])) continue;
      for (const p of persons) if (p.role === 'suspect') hold(p.subject);
    }
  },
  dependsOn: guardsTouched,
  every: everyPersonInCustody,
  holdsFor(state, id) {
    const p = state.persons.get(id);
    if (!p || p.exited !== null || p.role !== 'suspect') return false;
    const where = state.presence.get(id);
    return where !== undefined && where !== 'outside' && unguarded(state, where);
  },
};
