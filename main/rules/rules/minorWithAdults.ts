// 未成年人与成年人同室: a minor and an adult person in one waiting room.
import type { HeldRule } from '../types.js';

export const minorWithAdults: HeldRule = {
  rule: 'minor_with_adults',
  severity: 'critical',
  kind: 'held',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      if (state.rooms.get(roomId)?.kind !== 'waiting') continue;
      if (persons.some((p) => p.minor) && persons.some((p) => !p.minor)) hold(`room:${roomId}`);
    }
  },
};
