// What the applied events changed since the rule engine last looked: the reducer marks, the
// engine takes and clears. Each mark names a thing the event itself changed; which alarm
// subjects that can alter is for each rule to say (main/rules/dependencies.ts).
// Marks are lists, not sets: a move marks three things, and pushing is what costs least. A thing
// marked twice is looked at twice, to the same result.
import type { Person } from './model.js';
import type { Place } from './place.js';

/** A room (its place) whose officers present changed, and how many were there before. */
export interface OfficersChange { readonly place: Place; readonly before: number }

export interface Changes {
  /** The area's rooms, readers, cameras or settings changed: every subject is looked at again. */
  all: boolean;
  /** The recording disk's report changed. */
  storage: boolean;
  /** Persons whose facts or times changed (entered and exited ones included). */
  readonly persons: string[];
  /** Persons whose whereabouts changed (a room, outside, not known): their records, which is what the rules read. */
  readonly moved: Person[];
  /** Officers whose whereabouts changed. */
  readonly officers: string[];
  /**
   * Officers whose whereabouts became known or stopped being known (of those in `officers`): an
   * officer of a session whose whereabouts are not known is taken to be with the session, so this,
   * and not a move between rooms, is what can change the guard of a session's room.
   */
  readonly located: string[];
  /**
   * Rooms whose persons present changed (their places), one entry per person who came or went or
   * had the facts the room counts corrected; the person is at the same index of `comers`. A room
   * rule over the room's figures looks at the room again if its answer changed (engine.ts), a rule
   * about the person whether its own can have.
   */
  readonly rooms: Place[];
  readonly comers: Person[];
  /** Rooms whose officers present changed, one entry per officer who came or went, with how many were there before. */
  readonly guards: OfficersChange[];
  /** Rooms whose active sessions changed, or an active session in which changed its officers. */
  readonly attendance: string[];
  /** Sessions started or ended, or whose officers or appropriate adults changed. */
  readonly sessions: string[];
  /** Readers and cameras whose reported status changed. */
  readonly devices: string[];
  /** Tags that became, or stopped being, read while bound to nobody. */
  readonly tags: string[];
}

/** The kinds of change a rule can depend on: every mark but `all`, which has everything looked at. */
export type ChangeKind = Exclude<keyof Changes, 'all'>;

/** Each kind's bit in changedKinds' answer. */
const KIND_BITS: Readonly<Record<ChangeKind, number>> = {
  storage: 1 << 0, persons: 1 << 1, moved: 1 << 2, officers: 1 << 3, located: 1 << 4, rooms: 1 << 5,
  comers: 1 << 6, guards: 1 << 7, attendance: 1 << 8, sessions: 1 << 9, devices: 1 << 10, tags: 1 << 11,
};

/** The bits of `kinds` (changedKinds' bits). */
export function kindBits(kinds: readonly ChangeKind[]): number {
  let bits = 0;
  for (const k of kinds) bits |= KIND_BITS[k];
  return bits;
}

/** A bit for each kind of change `c` holds (kindBits' bits). */
export function changedKinds(c: Changes): number {
  let bits = c.storage ? KIND_BITS.storage : 0;
  if (c.persons.length > 0) bits |= KIND_BITS.persons;
  if (c.moved.length > 0) bits |= KIND_BITS.moved;
  if (c.officers.length > 0) bits |= KIND_BITS.officers;
  if (c.located.length > 0) bits |= KIND_BITS.located;
  if (c.rooms.length > 0) bits |= KIND_BITS.rooms;
  if (c.comers.length > 0) bits |= KIND_BITS.comers;
  if (c.guards.length > 0) bits |= KIND_BITS.guards;
  if (c.attendance.length > 0) bits |= KIND_BITS.attendance;
  if (c.sessions.length > 0) bits |= KIND_BITS.sessions;
  if (c.devices.length > 0) bits |= KIND_BITS.devices;
  if (c.tags.length > 0) bits |= KIND_BITS.tags;
  return bits;
}

export function noChanges(): Changes {
  return {
    all: false, storage: false, persons: [], moved: [], officers: [], located: [], rooms: [], comers: [], guards: [], attendance: [], sessions: [], devices: [], tags: [],
  };
}

/** `person` came to or went from the room of `place`. */
export function markOccupants(c: Changes, place: Place, person: Person): void {
  c.rooms.push(place);
  c.comers.push(person);
}

export function clearChanges(c: Changes): void {
  c.all = false;
  c.storage = false;
  // Emptied with pop(), not by setting the length: `length = 0` gives up the array's storage, and
  // the next event's first push allocates it again — on every event, for every list it touched.
  while (c.persons.length > 0) c.persons.pop();
  while (c.moved.length > 0) c.moved.pop();
  while (c.officers.length > 0) c.officers.pop();
  while (c.located.length > 0) c.located.pop();
  while (c.rooms.length > 0) c.rooms.pop();
  while (c.comers.length > 0) c.comers.pop();
  while (c.guards.length > 0) c.guards.pop();
  while (c.attendance.length > 0) c.attendance.pop();
  while (c.sessions.length > 0) c.sessions.pop();
  while (c.devices.length > 0) c.devices.pop();
  while (c.tags.length > 0) c.tags.pop();
}
