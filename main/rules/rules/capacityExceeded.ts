// 超员: more persons present than the room holds.
import type { HeldRule } from '../types.js';

export const capacityExceeded: HeldRule = {
  rule: 'capacity_exceeded',
  severity: 'warning',
  kind: 'held',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      const capacity = state.rooms.get(roomId)?.capacity;
      if (capacity != null && persons.length > capacity) hold(`room:${roomId}`);
    }
  },
};
