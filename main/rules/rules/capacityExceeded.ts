// 超员: more persons present than the room holds.
import { personsIn } from '../../core/state/areaIndex.js';
import { everyRoom, inRoomsWhere, occupantsTouched } from '../dependencies.js';
import type { HeldRule } from '../types.js';

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
  dependsOn: inRoomsWhere(occupantsTouched, (room) => room.capacity !== null),
  every: everyRoom,
  holdsFor(state, id) {
    const capacity = state.rooms.get(id)?.capacity;
    return capacity != null && personsIn(state, id).size > capacity;
  },
};
