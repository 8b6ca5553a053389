// 男女混关: persons of both genders in one waiting room.
import type { HeldRule } from '../types.js';

export const mixedGenderWaiting: HeldRule = {
  rule: 'mixed_gender_waiting',
  severity: 'critical',
  kind: 'held',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      if (state.rooms.get(roomId)?.kind !== 'waiting') continue;
      if (persons.some((p) => p.gender === 'male') && persons.some((p) => p.gender === 'female')) hold(`room:${roomId}`);
    }
  },
};
