// Which rooms a small screen shows first: those with a critical alarm, then any alarm, then those
// with someone in them (persons, officers, a session); the rest keep the area's own order after them.
import type { AlarmView, RoomView } from '../../../../common/views.js';

export function roomRank(room: RoomView, alarms: readonly AlarmView[]): number {
  if (alarms.some((a) => a.severity === 'critical')) return 0;
  if (alarms.length > 0) return 1;
  if (room.persons.length > 0 || room.sessions.length > 0 || room.officers.length > 0) return 2;
  return 3;
}

/** Idle: nobody in it and nothing wrong with it — a small screen shows it as a chip. */
export function idleRoom(room: RoomView, alarms: readonly AlarmView[]): boolean {
  return roomRank(room, alarms) === 3;
}

export function urgentFirst(rooms: readonly RoomView[], alarmsOf: (room: string) => readonly AlarmView[]): RoomView[] {
  // Array.prototype.sort is stable: within a rank the area's order stays.
  return [...rooms].sort((a, b) => roomRank(a, alarmsOf(a.id)) - roomRank(b, alarmsOf(b.id)));
}
