// Who is where and which sessions run, kept up to date by the reducer so that the rules look at
// one room or one session without going over the whole area. Everything here follows from the
// rest of the state (indexState rebuilds it); presence and sessions change only through the
// functions below, which also mark what changed for the rule engine.
import type { AreaState, Camera, Person, Session, Whereabouts } from './model.js';
import { arrive, leave, noOccupants, type Occupants } from './occupants.js';
import { markOccupants } from './changes.js';

export interface AreaIndex {
  /** Persons in custody (not exited) present in each room, and their counts (occupants.ts). */
  readonly occupants: Map<string, Occupants>;
  /** Officers present in each room (a room's set may be empty). */
  readonly officersIn: Map<string, Set<string>>;
  /** Sessions started and not ended, by id (in the order they started). */
  readonly activeSessions: Map<string, Session>;
  /** Active sessions by room, and by each officer who belongs to them. */
  readonly sessionsIn: Map<string, Set<Session>>;
  readonly sessionsOf: Map<string, Set<Session>>;
  /** The cameras watching each room. */
  camerasIn: Map<string, Camera[]>;
}

export function emptyIndex(): AreaIndex {
  return { occupants: new Map(), officersIn: new Map(), activeSessions: new Map(), sessionsIn: new Map(), sessionsOf: new Map(), camerasIn: new Map() };
}

const NOBODY: Readonly<Occupants> = noOccupants();
const NO_OFFICERS: ReadonlySet<string> = new Set();
const NO_SESSIONS: ReadonlySet<Session> = new Set();
const NO_CAMERAS: readonly Camera[] = [];

export const occupantsOf = (state: AreaState, room: string): Readonly<Occupants> => state.index.occupants.get(room) ?? NOBODY;
export const personsIn = (state: AreaState, room: string): ReadonlySet<Person> => occupantsOf(state, room).persons;
export const officersIn = (state: AreaState, room: string): ReadonlySet<string> => state.index.officersIn.get(room) ?? NO_OFFICERS;
export const sessionsIn = (state: AreaState, room: string): ReadonlySet<Session> => state.index.sessionsIn.get(room) ?? NO_SESSIONS;
export const sessionsOf = (state: AreaState, officer: string): ReadonlySet<Session> => state.index.sessionsOf.get(officer) ?? NO_SESSIONS;
export const camerasIn = (state: AreaState, room: string): readonly Camera[] => state.index.camerasIn.get(room) ?? NO_CAMERAS;

function add<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function remove<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

const roomOfWhere = (w: Whereabouts | undefined): string | null => (w === undefined || w === 'outside' ? null : w.room);

function occupantsFor(state: AreaState, room: string): Occupants {
  let o = state.index.occupants.get(room);
  if (!o) state.index.occupants.set(room, (o = noOccupants()));
  return o;
}

function officersFor(state: AreaState, room: string): Set<string> {
  let o = state.index.officersIn.get(room);
  if (!o) state.index.officersIn.set(room, (o = new Set()));
  return o;
}

/**
 * `change` alters facts of `person` that the room counts (gender, role, case, minority): they are
 * taken out of their room's counts before and counted again after, and the room is marked with
 * its figures before, as for a move (the person may move on before the engine looks).
 */
export function recount(state: AreaState, person: Person, change: () => void): void {
  const room = roomOfWhere(state.presence.get(person.id));
  const o = room === null ? undefined : state.index.occupants.get(room);
  if (room !== null && o?.persons.has(person)) {
    markOccupants(state.changes, room, state.rooms.get(room), person, o);
    leave(o, person);
    change();
    arrive(o, person);
  } else change();
}

/**
 * Sets where `who` (a person or an officer) is: a room, outside, or not known (undefined).
 * `person`: who's record, when the caller has it at hand.
 */
export function setWhereabouts(state: AreaState, who: string, where: Whereabouts | undefined, person: Person | undefined = state.persons.get(who)): void {
  const before = roomOfWhere(state.presence.get(who));
  if (where === undefined) state.presence.delete(who);
  else state.presence.set(who, where);
  const after = roomOfWhere(where);
  const { index, changes } = state;
  if (person) {
    changes.moved.push(who);
    // Marked with the room's figures before the change, and only where the person really went or came.
    const from = before === null ? undefined : index.occupants.get(before);
    if (before !== null && from?.persons.has(person)) {
      markOccupants(changes, before, state.rooms.get(before), person, from);
      leave(from, person);
    }
    if (after !== null && person.exited === null) {
      const to = occupantsFor(state, after);
      if (!to.persons.has(person)) {
        markOccupants(changes, after, state.rooms.get(after), person, to);
        arrive(to, person);
      }
    }
  } else {
    // A room's set of officers is kept when it empties: officers come and go all day.
    changes.officers.push(who);
    if (before !== null) {
      const from = officersFor(state, before);
      changes.guards.push({ room: before, before: from.size });
      from.delete(who);
    }
    if (after !== null) {
      const to = officersFor(state, after);
      changes.guards.push({ room: after, before: to.size });
      to.add(who);
    }
  }
}

function touchSession(state: AreaState, s: Session): void {
  state.changes.sessions.push(s.id);
  state.changes.attendance.push(s.room);
}

export function sessionStarted(state: AreaState, s: Session): void {
  const { index } = state;
  index.activeSessions.set(s.id, s);
  add(index.sessionsIn, s.room, s);
  for (const o of s.officers) add(index.sessionsOf, o, s);
  touchSession(state, s);
}

export function sessionEnded(state: AreaState, s: Session): void {
  const { index } = state;
  index.activeSessions.delete(s.id);
  remove(index.sessionsIn, s.room, s);
  for (const o of s.officers) remove(index.sessionsOf, o, s);
  touchSession(state, s);
}

export function sessionJoined(state: AreaState, s: Session, officer: string | undefined): void {
  if (officer !== undefined) {
    s.officers.add(officer);
    if (s.endedAt === null) add(state.index.sessionsOf, officer, s);
  }
  touchSession(state, s);
}

export function sessionLeft(state: AreaState, s: Session, officer: string): void {
  s.officers.delete(officer);
  remove(state.index.sessionsOf, officer, s);
  touchSession(state, s);
}

/** After the cameras changed (area.configure, area.update). */
export function indexCameras(state: AreaState): void {
  const byRoom = new Map<string, Camera[]>();
  for (const cam of state.cameras.values()) {
    const list = byRoom.get(cam.room);
    if (list) list.push(cam);
    else byRoom.set(cam.room, [cam]);
  }
  state.index.camerasIn = byRoom;
}

/** The whole index from the rest of the state (a state read back from a snapshot). */
export function indexState(state: AreaState): void {
  state.index = emptyIndex();
  const { index } = state;
  for (const [who, where] of state.presence) {
    const room = roomOfWhere(where);
    if (room === null) continue;
    const person = state.persons.get(who);
    if (!person) add(index.officersIn, room, who);
    else if (person.exited === null) arrive(occupantsFor(state, room), person);
  }
  for (const s of state.sessions.values()) {
    if (s.endedAt !== null) continue;
    index.activeSessions.set(s.id, s);
    add(index.sessionsIn, s.room, s);
    for (const o of s.officers) add(index.sessionsOf, o, s);
  }
  indexCameras(state);
}
