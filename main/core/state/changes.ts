// What the applied events changed since the rule engine last looked: the reducer marks, the
// engine takes and clears. Each mark names a thing the event itself changed; which alarm
// subjects that can alter is for each rule to say (main/rules/dependencies.ts).
// Marks are lists, not sets: a move marks three things, and pushing is what costs least. A thing
// marked twice is looked at twice, to the same result.
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
  /** Rooms whose persons present changed. */
  readonly occupants: string[];
  /** Rooms whose officers present or active sessions changed, or an active session in which changed its officers. */
  readonly attendance: string[];
  /** Sessions started or ended, or whose officers or appropriate adults changed. */
  readonly sessions: string[];
  /** Readers and cameras whose reported status changed. */
  readonly devices: string[];
  /** Tags that became, or stopped being, read while bound to nobody. */
  readonly tags: string[];
}

export function noChanges(): Changes {
  return { all: false, storage: false, persons: [], moved: [], officers: [], occupants: [], attendance: [], sessions: [], devices: [], tags: [] };
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
  while (c.attendance.length > 0) c.attendance.pop();
  while (c.sessions.length > 0) c.sessions.pop();
  while (c.devices.length > 0) c.devices.pop();
  while (c.tags.length > 0) c.tags.pop();
}
