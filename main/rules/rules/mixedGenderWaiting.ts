// 男女混关: persons of both genders in one waiting room.
import { occupantsOf } from '../../core/state/areaIndex.js';
import type { AreaState } from '../../core/state/model.js';
import type { Counts } from '../../core/state/occupants.js';
import { everyRoom } from '../dependencies.js';
import type { HeldRule } from '../types.js';

const waiting = (state: AreaState, roomId: string): boolean => state.rooms.get(roomId)?.kind === 'waiting';
const bothGenders = (c: Counts): boolean => c.male > 0 && c.female > 0;

export const mixedGenderWaiting: HeldRule = {
  rule: 'mixed_gender_waiting',
  severity: 'critical',
  kind: 'held',
  subject: 'room',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      if (!waiting(state, roomId)) continue;
      if (persons.some((p) => p.gender === 'male') && persons.some((p) => p.gender === 'female')) hold(`room:${roomId}`);
    }
  },
  counts: { holds: bothGenders, keep: (room) => room.kind === 'waiting' },
  every: everyRoom,
  holdsFor: (state, id) => bothGenders(occupantsOf(state, id)) && waiting(state, id),
};
