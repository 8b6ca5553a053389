// 同案人员同室: two suspects of the same case in one room.
import { occupantsOf } from '../../core/state/areaIndex.js';
import type { Counts } from '../../core/state/occupants.js';
import { everyRoom } from '../dependencies.js';
import type { HeldRule } from '../types.js';

const sharedCase = (c: Counts): boolean => c.sharedCases > 0;

export const coSuspectsTogether: HeldRule = {
  rule: 'co_suspects_together',
  severity: 'critical',
  kind: 'held',
  subject: 'room',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      const cases = new Set<string>();
      for (const p of persons) {
        if (p.role !== 'suspect' || !p.caseNo) continue;
        if (cases.has(p.caseNo)) {
          hold(`room:${roomId}`);
          break;
        }
        cases.add(p.caseNo);
      }
    }
  },
  counts: { holds: sharedCase },
  every: everyRoom,
  holdsFor: (state, id) => sharedCase(occupantsOf(state, id)),
};
