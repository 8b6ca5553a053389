// Waiting rooms a person can be placed in without breaking a rule the station watches: not full,
// no one of the other gender, minors and adults apart, no suspect of the same case. The desk
// offers these as one-click choices when it asks where a person is.
import type { PersonSummary, RoomView } from '../../../common/views.js';

export function conflictsWith(person: PersonSummary, other: PersonSummary): boolean {
  if (other.id === person.id) return false;
  if (other.gender !== person.gender) return true;
  if (other.minor !== person.minor) return true;
  return person.role === 'suspect' && other.role === 'suspect' && person.caseNo !== null && person.caseNo !== '' && person.caseNo === other.caseNo;
}

/** Up to `max` waiting rooms, the emptiest first (the area's order among equals). */
export function waitingRoomsFor(person: PersonSummary, rooms: readonly RoomView[], persons: readonly PersonSummary[], max = 3): RoomView[] {
  const byId = new Map(persons.map((p) => [p.id, p]));
  return rooms
    .filter((r) => r.kind === 'waiting')
    .filter((r) => {
      const inside = r.persons.filter((id) => id !== person.id).map((id) => byId.get(id)).filter((p): p is PersonSummary => p !== undefined);
      return (r.capacity === null || inside.length < r.capacity) && !inside.some((o) => conflictsWith(person, o));
    })
    .map((r, i) => ({ r, i, n: r.persons.filter((id) => id !== person.id).length }))
    .sort((a, b) => a.n - b.n || a.i - b.i)
    .slice(0, max)
    .map((x) => x.r);
}
