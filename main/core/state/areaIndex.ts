// Who is where and which sessions run, kept up to date by the reducer so that the rules look at
// one room or one session without going over the whole area. Everything here follows from the
// rest of the state (indexState builds it for a snapshot read back); presence and sessions change only through the
// functions below, which also mark what changed for the rule engine.
import type { AreaState, Camera, Person, Session, Whereabouts } from './model.js';
import { arrive, leave, noOccupants, type Occupants } from './occupants.js';
import { markOccupants } from './changes.js';
import { NO_CAMERAS, Place } from './place.js';

export interface AreaIndex {
  /** Every room anyone has been in, and every room of the area (place.ts): one place per room id. */
  readonly places: Map<string, Place>;
  /** Sessions started and not ended, by id (in the order they started). */
  readonly activeSessions: Map<string, Session>;
  /** Active sessions by each officer who belongs to them. */
  readonly sessionsOf: Map<string, Set<Session>>;
}

export function emptyIndex(): AreaIndex {
  return { places: new Map(), activeSessions: new Map(), sessionsOf: new Map() };
}

const NOBODY: Readonly<Occupants> = noOccupants();
const NO_SESSIONS: ReadonlySet<Session> = new Set();

export const occupantsOf = (state: AreaState, room: string): Readonly<Occupants> => state.index.places.get(room) ?? NOBODY;
export const sessionsIn = (state: AreaState, room: string): ReadonlySet<Session> => state.index.places.get(room)?.sessions ?? NO_SESSIONS;
export const sessionsOf = (state: AreaState, officer: string): ReadonlySet<Session> => state.index.sessionsOf.get(officer) ?? NO_SESSIONS;
export const camerasIn = (state: AreaState, room: string): readonly Camera[] => state.index.places.get(room)?.cameras ?? NO_CAMERAS;

/** The place of `room`: someone's whereabouts when they are in it. */
export function placeOf(state: AreaState, room: string): Place {
  const places = state.index.places;
  let place = places.get(room);
  if (!place) places.set(room, (place = new Place(room, state.rooms.get(room))));
  return place;
}

/** The room `who` is in, if any. */
export function roomOf(state: AreaState, who: string): string | null {
  const w = state.presence.get(who);
  return w === undefined || w === 'outside' ? null : w.room;
}

/** The place of whereabouts `w`, if in a room. */
const placeOfWhere = (w: Whereabouts | undefined): Place | null => (w === undefined || w === 'outside' ? null : w);

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

/**
 * `change` alters facts of `person` that the room counts (gender, role, case, minority): they are
 * taken out of their room's counts before and counted again after, and the room is marked as for
 * a move.
 */
export function recount(state: AreaState, person: Person, change: () => void): void {
  const o = placeOfWhere(state.presence.get(person.id));
  if (o !== null && o.persons.includes(person)) {
    markOccupants(state.changes, o, person);
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
  const was = state.presence.get(who);
  const from = placeOfWhere(was);
  if (where === undefined) state.presence.delete(who);
  else state.presence.set(who, where);
  const to = placeOfWhere(where);
  const { changes } = state;
  if (person) {
    changes.moved.push(person);
    // Marked only where the person really went or came (leave and arrive say whether they did).
    if (from !== null && leave(from, person)) markOccupants(changes, from, person);
    if (to !== null && person.exited === null && arrive(to, person)) markOccupants(changes, to, person);
  } else {
    changes.officers.push(who);
    if ((was === undefined) !== (where === undefined)) changes.located.push(who);
    if (from !== null) {
      changes.guards.push({ place: from, before: from.officers.size });
      from.officers.delete(who);
    }
    if (to !== null) {
      changes.guards.push({ place: to, before: to.officers.size });
      to.officers.add(who);
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
  placeOf(state, s.room).sessions.add(s);
  for (const o of s.officers) add(index.sessionsOf, o, s);
  touchSession(state, s);
}

export function sessionEnded(state: AreaState, s: Session): void {
  const { index } = state;
  index.activeSessions.delete(s.id);
  index.places.get(s.room)?.sessions.delete(s);
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

/**
 * After the rooms or cameras changed (area.configure, area.update): each place takes its room's
 * new description and cameras.
 */
export function indexArea(state: AreaState): void {
  const byRoom = new Map<string, Camera[]>();
  for (const cam of state.cameras.values()) {
    const list = byRoom.get(cam.room);
    if (list) list.push(cam);
    else byRoom.set(cam.room, [cam]);
  }
  for (const room of state.rooms.keys()) placeOf(state, room);
  for (const room of byRoom.keys()) placeOf(state, room);
  for (const place of state.index.places.values()) {
    place.spec = state.rooms.get(place.room);
    place.cameras = byRoom.get(place.room) ?? NO_CAMERAS;
  }
}

/**
 * The rest of the index for a state just read back from a snapshot (stateCodec.ts), whose
 * whereabouts are already its own places and whose index holds nothing else yet: who is in each
 * room, the active sessions, and each room's description and cameras.
 */
export function indexState(state: AreaState): void {
  const { index } = state;
  for (const [who, where] of state.presence) {
    if (where === 'outside') continue;
    const person = state.persons.get(who);
    if (!person) where.officers.add(who);
    else if (person.exited === null) arrive(where, person);
  }
  for (const s of state.sessions.values()) {
    if (s.endedAt !== null) continue;
    index.activeSessions.set(s.id, s);
    placeOf(state, s.room).sessions.add(s);
    for (const o of s.officers) add(index.sessionsOf, o, s);
  }
  indexArea(state);
}
