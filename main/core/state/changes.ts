// What the applied events changed since the rule engine last looked: the reducer marks, the
// engine takes and clears. Each mark names a thing the event itself changed; which alarm
// subjects that can alter is for each rule to say (main/rules/dependencies.ts).
// Marks are lists, not sets: a move marks three things, and pushing is what costs least. A thing
// marked twice is looked at twice, to the same result.
import type { Person, Room } from './model.js';
import type { Counts, Occupants } from './occupants.js';

/**
 * A person came to or left a room: the room's figures as they were before (the mark's own Counts,
 * one object per mark on every move of the day) and now (live), and the room as the area
 * describes it (undefined: a room the area no longer has), which each room rule reads. The
 * description is the one of the moment of the mark; the engine reads the marks before the next
 * command, and an area change marks `all`, after which no mark is read.
 */
export interface OccupantsChange extends Counts { readonly room: string; readonly spec: Room | undefined; readonly person: Person; readonly now: Occupants }

/** A room whose officers present changed, and how many were there before. */
export interface OfficersChange { readonly room: string; readonly before: number }

export interface Changes {
  /** The area's rooms, readers, cameras or settings changed: every subject is looked at again. */
  all: boolean;
  /** The recording disk's report changed. */
  storage: boolean;
  /** Persons whose facts or times changed (entered and exited ones included). */
  readonly persons: string[];
  /** Persons whose whereabouts changed (a room, outside, not known). */
  readonly moved: string[];
  /** Officers whose whereabouts changed. */
  readonly officers: string[];
  /**
   * Rooms whose persons present changed, one entry per person who came or went, with the room's
   * figures before: a room rule tells from them whether its condition can have changed
   * (dependencies.ts), and a rule about the person whether its own can have.
   */
  readonly occupants: OccupantsChange[];
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

export function noChanges(): Changes {
  return {
    all: false, storage: false, persons: [], moved: [], officers: [], occupants: [], guards: [], attendance: [], sessions: [], devices: [], tags: [],
  };
}

/** `person` is about to come to or go from `room`, whose figures are `now`. */
export function markOccupants(c: Changes, room: string, spec: Room | undefined, person: Person, now: Occupants): void {
  c.occupants.push({ room, spec, person, now, size: now.size, suspects: now.suspects, male: now.male, female: now.female, minors: now.minors, sharedCases: now.sharedCases });
}

export function clearChanges(c: Changes): void {
  c.all = false;
  c.storage = false;
  // Emptied with pop(), not by setting the length: `length = 0` gives up the array's storage, and
  // the next event's first push allocates it again — on every event, for every list it touched.
  while (c.persons.length > 0) c.persons.pop();
  while (c.moved.length > 0) c.moved.pop();
  while (c.officers.length > 0) c.officers.pop();
  while (c.occupants.length > 0) c.occupants.pop();
  while (c.guards.length > 0) c.guards.pop();
  while (c.attendance.length > 0) c.attendance.pop();
  while (c.sessions.length > 0) c.sessions.pop();
  while (c.devices.length > 0) c.devices.pop();
  while (c.tags.length > 0) c.tags.pop();
}
