// The persons present in one room, with what the room rules count of them kept as they come and
// go: how many are suspects, men, women, minors, and how many cases have two suspects or more
// here. A move then costs the rules a look at two rooms' counts, not at everyone in them.
//
// The persons are a list, not a set. A room holds a handful (a waiting room a dozen at most), and
// a look through its list costs less than a hash set's upkeep: a move takes a person out of one
// set and puts them in another, and the deleted entries made each set rebuild its table every
// few moves. On the move-heavy day of the bench that upkeep was about a fourteenth of what a
// replay allocated; with lists, the replay runs about 1 % fewer instructions and has about 4 %
// fewer first-level cache misses (cachegrind). The look grows with the persons in the room, not
// with the area: a hall that held all 300 persons of a busy day would cost a move a pass over 300
// references, well under a microsecond. The order of the list is not the order of arrival; no
// rule depends on it (their transitions are put in the contract's order).
import type { Person } from './model.js';

/** What the room rules count of a room's persons. */
export interface Counts {
  readonly size: number;
  readonly suspects: number;
  readonly male: number;
  readonly female: number;
  readonly minors: number;
  /** Cases with two suspects or more present. */
  readonly sharedCases: number;
}

export interface Occupants extends Counts {
  readonly persons: Person[];
  suspects: number;
  male: number;
  female: number;
  minors: number;
  /** Suspects present by case number (non-empty ones). */
  readonly cases: Map<string, number>;
  sharedCases: number;
}

// A class, for its one `size` getter on the prototype: a getter written in an object literal is a
// new function for every room, which gives every room's figures a shape of their own. A room's
// place in the area (areaIndex.ts) is one of these.
export class RoomOccupants implements Occupants {
  readonly persons: Person[] = [];
  suspects = 0;
  male = 0;
  female = 0;
  minors = 0;
  readonly cases = new Map<string, number>();
  sharedCases = 0;

  get size(): number {
    return this.persons.length;
  }
}

export function noOccupants(): Occupants {
  return new RoomOccupants();
}

function count(o: Occupants, p: Person, d: 1 | -1): void {
  if (p.gender === 'male') o.male += d;
  else o.female += d;
  if (p.minor) o.minors += d;
  if (p.role !== 'suspect') return;
  o.suspects += d;
  if (!p.caseNo) return;
  const before = o.cases.get(p.caseNo) ?? 0;
  const after = before + d;
  if (after === 0) o.cases.delete(p.caseNo);
  else o.cases.set(p.caseNo, after);
  if (before < 2 && after >= 2) o.sharedCases += 1;
  else if (before >= 2 && after < 2) o.sharedCases -= 1;
}

/** Counts `p` among the persons present, unless already there. Whether `p` came. */
export function arrive(o: Occupants, p: Person): boolean {
  if (o.persons.includes(p)) return false;
  o.persons.push(p);
  count(o, p, 1);
  return true;
}

/** No longer counts `p` among the persons present, if there. Whether `p` was. */
export function leave(o: Occupants, p: Person): boolean {
  const persons = o.persons;
  const i = persons.indexOf(p);
  if (i < 0) return false;
  // The last one takes its place: nothing after it moves.
  const last = persons.pop() as Person;
  if (i < persons.length) persons[i] = last;
  count(o, p, -1);
  return true;
}
