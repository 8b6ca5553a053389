// 未成年人与成年人同室: a minor and an adult person in one waiting room.
import { occupantsOf } from '../../core/state/areaIndex.js';
import type { AreaState } from '../../core/state/model.js';
import type { Counts } from '../../core/state/occupants.js';
import { everyRoom } from '../dependencies.js';
import type { HeldRule } from '../types.js';

const waiting = (state: AreaState, roomId: string): boolean => state.rooms.get(roomId)?.kind === 'waiting';
const minorAndAdult = (c: Counts): boolean => c.minors > 0 && c.minors < c.size;

export const minorWithAdults: HeldRule = {
  rule: 'minor_with_adults',
  severity: 'critical',
  kind: 'held',
  subject: 'room',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      if (!waiting(state, roomId)) continue;
      if (persons.some((p) => p.minor) && persons.some((p) => !p.minor)) hold(`room:${roomId}`);
    }
  },
  counts: { holds: minorAndAdult, keep: (room) => room.kind === 'waiting' },
  every: everyRoom,
  holdsFor: (state, id) => minorAndAdult(occupantsOf(state, id)) && waiting(state, id),
};
