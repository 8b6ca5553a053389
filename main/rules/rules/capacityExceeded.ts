// 超员: more persons present than the room holds.
import { occupantsOf } from '../../core/state/areaIndex.js';
import type { Room } from '../../core/state/model.js';
import type { Counts } from '../../core/state/occupants.js';
import { everyRoom } from '../dependencies.js';
import type { HeldRule } from '../types.js';

const over = (c: Counts, room: Room): boolean => room.capacity !== null && c.size > room.capacity;

export const capacityExceeded: HeldRule = {
  rule: 'capacity_exceeded',
  severity: 'warning',
  kind: 'held',
  subject: 'room',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      const capacity = state.rooms.get(roomId)?.capacity;
      if (capacity != null && persons.length > capacity) hold(`room:${roomId}`);
    }
  },
  // Only a room with a capacity can be over it.
  counts: { holds: over, keep: (room) => room.capacity !== null },
  every: everyRoom,
  holdsFor(state, id) {
    const room = state.rooms.get(id);
    return room !== undefined && over(occupantsOf(state, id), room);
  },
};
